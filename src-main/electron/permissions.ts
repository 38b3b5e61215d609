// The permission allowlist for every session: what the renderer may use, and why. Anything not listed is
// denied, including for pages that are not the app's own (there should be none, but defence in depth).
import { isAppUrl } from './trusted-url.ts';

export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set([
  // Desktop notifications for mentions, assigned inquiries and failed publishes.
  'notifications',
  // "Copy link" / "copy text" buttons; the sanitized variant cannot place arbitrary formats on the clipboard.
  'clipboard-sanitized-write',
]);
// Deliberately absent, among others: media / display-capture (no calls or screen sharing), geolocation,
// clipboard-read (pasting goes through the normal paste event, not the async API), openExternal (links go
// through shell.openExternal after trusted-url checks), fullscreen, midi, hid, serial, usb, idle-detection.

/** `requestingUrl` is absent for checks not made by a document (e.g. a worker); those are refused. */
export function isPermissionAllowed(permission: string, requestingUrl: string | undefined): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && requestingUrl !== undefined && isAppUrl(requestingUrl);
}
