// The main window's security flags are data; this holds each one of Electron's checklist items in place.
import { describe, expect, it } from 'vitest';
import { createMainWindowOptions } from '../../../src-main/electron/window-options.ts';

describe('createMainWindowOptions', () => {
  const options = createMainWindowOptions({ preloadPath: '/app/dist/preload/preload.cjs' });
  const prefs = options.webPreferences ?? {};

  it('isolates and sandboxes the renderer', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
  });

  it('leaves webSecurity at its secure default', () => {
    expect('webSecurity' in prefs).toBe(false);
  });

  it('uses the given preload and enables spellcheck', () => {
    expect(prefs.preload).toBe('/app/dist/preload/preload.cjs');
    expect(prefs.spellcheck).toBe(true);
  });

  it('stays hidden until ready-to-show, with a background colour and a usable minimum size', () => {
    expect(options.show).toBe(false);
    expect(options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
    expect(options.minWidth).toBeGreaterThanOrEqual(800);
    expect(options.minHeight).toBeGreaterThanOrEqual(500);
    expect(options.width).toBeGreaterThanOrEqual(options.minWidth ?? 0);
    expect(options.height).toBeGreaterThanOrEqual(options.minHeight ?? 0);
  });

  it('offers DevTools only in development', () => {
    expect(prefs.devTools).toBe(false);
    const dev = createMainWindowOptions({ preloadPath: '/p.cjs', isDev: true });
    expect(dev.webPreferences?.devTools).toBe(true);
  });

  it('sets a window icon only when one is given', () => {
    expect('icon' in options).toBe(false);
    expect(createMainWindowOptions({ preloadPath: '/p.cjs', iconPath: '/i.png' }).icon).toBe('/i.png');
  });
});
