// Electron's security checklist as code: the privileged app:// protocol serving the built renderer with its
// CSP header, navigation and window-opening locks, no <webview>, and the permission allowlist.
import { app, protocol, session, shell, type Session, type WebContents } from 'electron';
import { readFile } from 'node:fs/promises';
import { APP_CONTENT_SECURITY_POLICY, DEV_APP_CONTENT_SECURITY_POLICY } from '../rpc/csp.ts';
import { appResponseHeaders, resolveAppAssetPath } from './app-assets.ts';
import { isPermissionAllowed } from './permissions.ts';
import { APP_SCHEME, isAppUrl, safeExternalUrl } from './trusted-url.ts';

/** Must run before the app is ready: app:// gets an origin (IndexedDB, workers) and counts as secure. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

/** Serves files of `rendererDir` on app://roost/; everything else is a 404. */
export function serveAppProtocol(
  rendererDir: string,
  csp: string,
  ses: Session = session.defaultSession,
): void {
  ses.protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 });
    const filePath = resolveAppAssetPath(request.url, rendererDir);
    if (filePath === null) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(filePath);
      return new Response(request.method === 'HEAD' ? null : body, {
        headers: appResponseHeaders(filePath, csp),
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}

export function applyPermissionPolicy(ses: Session = session.defaultSession): void {
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl));
  });
  ses.setPermissionCheckHandler((_contents, permission, _origin, details) =>
    isPermissionAllowed(permission, details.requestingUrl),
  );
  // WebHID, WebUSB and Web Serial devices: never.
  ses.setDevicePermissionHandler(() => false);
}

function openExternally(url: string): void {
  const safe = safeExternalUrl(url);
  if (safe !== null) void shell.openExternal(safe);
}

/** Locks every webContents the app creates, present or future. */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    // A plain link clicked in a post: show it in the system browser instead of replacing the app.
    if (event.isMainFrame) openExternally(event.url);
  });
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame && !isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(url);
    return { action: 'deny' };
  });
}

export function installSecurityPolicy(rendererDir: string): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  // Loopback images (the local sandbox's avatars) only outside the packaged app.
  serveAppProtocol(
    rendererDir,
    app.isPackaged ? APP_CONTENT_SECURITY_POLICY : DEV_APP_CONTENT_SECURITY_POLICY,
  );
  applyPermissionPolicy();
}
