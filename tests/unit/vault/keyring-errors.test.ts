// Classification of @napi-rs/keyring errors (messages as observed against gnome-keyring 42) and redaction.
import { describe, expect, it } from 'vitest';
import { classifyKeyringError, redact } from '../../../src-main/vault/keyring-errors.ts';

describe('classifyKeyringError', () => {
  it.each([
    "Couldn't access platform storage: Secret Service: unlock prompt was dismissed",
    'zbus error: org.freedesktop.Secret.Error.IsLocked: Cannot get secret of a locked object',
  ])('maps %s to locked', (message) => {
    expect(classifyKeyringError(new Error(message))).toEqual({ state: 'locked' });
  });

  it.each([
    'Platform failure: DBus error: Failed to connect to socket /nowhere: No such file or directory',
    'Platform failure: DBus error: The name org.freedesktop.secrets was not provided by any .service files',
    "Couldn't access platform storage: Secret Service: no result found",
    'Platform failure: DBus error: Using X11 for dbus-daemon autolaunch was disabled at compile time',
  ])('maps %s to unavailable with the message as detail', (message) => {
    expect(classifyKeyringError(new Error(message))).toEqual({ state: 'unavailable', detail: message });
  });

  it('never lets a secret through in the detail', () => {
    const failure = classifyKeyringError(new Error('could not store hunter2 for you'), ['hunter2']);
    expect(failure).toEqual({ state: 'unavailable', detail: 'could not store [redacted] for you' });
  });

  it('handles values that are not errors', () => {
    expect(classifyKeyringError('boom')).toEqual({ state: 'unavailable', detail: 'boom' });
    expect(classifyKeyringError(42)).toEqual({ state: 'unavailable', detail: 'unknown keychain error' });
  });
});

describe('redact', () => {
  it('keeps the first line only and bounds its length', () => {
    expect(redact('first\nsecond', [])).toBe('first');
    expect(redact('y'.repeat(1_000), [])).toHaveLength(301);
  });

  it('ignores empty secrets', () => {
    expect(redact('text', [''])).toBe('text');
  });
});
