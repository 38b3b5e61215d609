// app:// request URLs map to files inside the built renderer and nowhere else; every response carries the CSP.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  appResponseHeaders,
  mimeTypeFor,
  resolveAppAssetPath,
} from '../../../src-main/electron/app-assets.ts';
import { APP_CONTENT_SECURITY_POLICY } from '../../../src-main/rpc/csp.ts';
import { appPaths } from '../../../src-main/electron/app-paths.ts';

const root = path.resolve('/opt/roost/dist/renderer');

describe('resolveAppAssetPath', () => {
  it('serves index.html for the root', () => {
    expect(resolveAppAssetPath('app://roost/', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppAssetPath('app://roost', root)).toBe(path.join(root, 'index.html'));
  });

  it('maps files and ignores query and fragment', () => {
    expect(resolveAppAssetPath('app://roost/assets/index-abc.js?v=1#x', root)).toBe(
      path.join(root, 'assets', 'index-abc.js'),
    );
    expect(resolveAppAssetPath('app://roost/assets/My%20Font.woff2', root)).toBe(
      path.join(root, 'assets', 'My Font.woff2'),
    );
  });

  it.each([
    'app://roost/../../etc/passwd',
    'app://roost/%2e%2e/%2e%2e/etc/passwd',
    'app://roost/..%2F..%2Fetc%2Fpasswd',
    'app://roost/assets/..%2F..%2F..%2Fetc%2Fpasswd',
    'app://roost/%2E%2E%2Fsecret',
    'app://roost/..%5C..%5Cwindows%5Cwin.ini',
    'app://roost/assets\\..\\..\\secret',
    'app://roost/index.html%00.png',
    'app://roost/%E0%A4%A',
    'app://roost/.%2Fsecret',
  ])('never leaves the renderer folder for %s', (url) => {
    const resolved = resolveAppAssetPath(url, root);
    // Plain `..` segments are removed by the URL parser itself; what remains must stay under root.
    expect(resolved === null || resolved.startsWith(root + path.sep)).toBe(true);
  });

  it.each([
    'app://roost/..%2F..%2Fetc%2Fpasswd',
    'app://roost/%2E%2E%2Fsecret',
    'app://roost/..%5C..%5Cwindows%5Cwin.ini',
    'app://roost/index.html%00.png',
    'app://roost/%E0%A4%A',
    'app://roost/.%2Fsecret',
  ])('answers nothing at all for %s', (url) => {
    expect(resolveAppAssetPath(url, root)).toBeNull();
  });

  it.each([
    'app://evil/index.html',
    'app://roost.evil/index.html',
    'app://user@roost/index.html',
    'app://roost:99/index.html',
    'http://roost/index.html',
    'file:///opt/roost/dist/renderer/index.html',
    'not a url',
  ])('refuses URLs that are not the app origin: %s', (url) => {
    expect(resolveAppAssetPath(url, root)).toBeNull();
  });
});

describe('app response headers', () => {
  it('sends the CSP and nosniff with every file', () => {
    const headers = appResponseHeaders('/x/index.html');
    expect(headers['Content-Security-Policy']).toBe(APP_CONTENT_SECURITY_POLICY);
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Content-Type']).toBe('text/html; charset=utf-8');
  });

  it('types module scripts as JavaScript, which browsers require', () => {
    expect(mimeTypeFor('/x/assets/worker-abc.js')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('/x/a.WASM')).toBe('application/wasm');
    expect(mimeTypeFor('/x/unknown.bin')).toBe('application/octet-stream');
  });
});

describe('appPaths', () => {
  it('finds the built pieces under the app root', () => {
    const paths = appPaths('/opt/roost/app.asar');
    expect(paths.rendererDir).toBe(path.join('/opt/roost/app.asar', 'dist', 'renderer'));
    expect(paths.preloadPath).toBe(path.join('/opt/roost/app.asar', 'dist', 'preload', 'preload.cjs'));
    expect(paths.trayIconPath).toBe(path.join('/opt/roost/app.asar', 'resources', 'tray.png'));
  });
});
