// Maps errors from @napi-rs/keyring (Secret Service over D-Bus) to keychain failure states.
// Messages observed with @napi-rs/keyring 2.1.2 and gnome-keyring 42, store pinned to 'secret-service':
// - no bus (DBUS_SESSION_BUS_ADDRESS pointing nowhere): the AsyncEntry constructor throws synchronously,
//   "Platform failure: DBus error: Failed to connect to socket /x: No such file or directory"; with no address at
//   all: "... Using X11 for dbus-daemon autolaunch was disabled at compile time ...".
// - a bus but no Secret Service provider (or no default collection): reads resolve null, writes reject with
//   "Couldn't access platform storage: Secret Service: no result found".
// - locked collection, headless: reading or deleting an EXISTING item and every write reject with
//   "Couldn't access platform storage: Secret Service: unlock prompt was dismissed" (the unlock prompter cannot
//   open a display); reading a MISSING item resolves null exactly like "not stored"; the library's
//   findCredentialsAsync rejects with "org.freedesktop.Secret.Error.IsLocked". With a display, the same calls
//   open the unlock prompt and wait for the user — possibly forever, hence the worker's timeout.
import type { KeychainFailure } from './keychain.ts';

const LOCKED = /unlock prompt|IsLocked|\bis locked\b|\blocked object\b/i;
const MAX_DETAIL = 300;

/**
 * `secrets` are values that must never leave the worker inside a message: every occurrence is redacted,
 * even though no library message seen so far contains one.
 */
export function classifyKeyringError(error: unknown, secrets: readonly string[] = []): KeychainFailure {
  const message = messageOf(error);
  if (LOCKED.test(message)) return { state: 'locked' };
  return { state: 'unavailable', detail: redact(message, secrets) };
}

export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length > 0) out = out.split(secret).join('[redacted]');
  }
  const firstLine = out.split('\n', 1)[0] ?? '';
  return firstLine.length > MAX_DETAIL ? `${firstLine.slice(0, MAX_DETAIL)}…` : firstLine;
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === 'string') return error;
  return 'unknown keychain error';
}
