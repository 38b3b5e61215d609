// The app's DeviceKeyStore: the team device key in the OS keychain, through main's credential store (the
// same keychain worker, timeout and locked/unavailable reporting as account secrets). One entry per team server.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CredentialStore } from '../vault/credential-store.ts';
import type { DeviceKeyStore, StoredDeviceKey } from './device-key-store.ts';

/**
 * Keychain entry name for a team server's device key; never an account id (those are ULIDs). The profile id
 * keeps two Roost profiles on one computer (two data folders, one keychain) from sharing a device.
 */
export function deviceKeyCredentialId(profileId: string, serverUrl: string): string {
  return `team-device:${profileId}:${serverUrl}`;
}

/** A random id for this data folder, made once. */
export function profileIdIn(dir: string): string {
  const file = path.join(dir, 'profile-id');
  try {
    const existing = readFileSync(file, 'utf8').trim();
    if (/^[0-9a-f]{16}$/.test(existing)) return existing;
  } catch {
    // Not made yet.
  }
  mkdirSync(dir, { recursive: true });
  const id = randomBytes(8).toString('hex');
  writeFileSync(file, id, { mode: 0o600 });
  return id;
}

export function createCredentialDeviceKeyStore(
  credentials: CredentialStore,
  /** Called only when a key is used, so a desktop that never joins a team writes nothing. */
  profileId: () => string,
): DeviceKeyStore {
  const deviceKeyCredentialIdFor = (serverUrl: string) => deviceKeyCredentialId(profileId(), serverUrl);
  return {
    async load(serverUrl) {
      const stored = await credentials.load(deviceKeyCredentialIdFor(serverUrl));
      if (!stored || stored.kind !== 'api-key') return null;
      return parseKey(stored.secret);
    },
    async save(serverUrl, key) {
      await credentials.save(deviceKeyCredentialIdFor(serverUrl), {
        kind: 'api-key',
        secret: JSON.stringify({ privateKey: key.privateKey, publicKey: key.publicKey }),
      });
    },
    async remove(serverUrl) {
      await credentials.delete(deviceKeyCredentialIdFor(serverUrl));
    },
  };
}

function parseKey(text: string): StoredDeviceKey | null {
  try {
    const value = JSON.parse(text) as Partial<StoredDeviceKey>;
    if (typeof value.privateKey !== 'string' || typeof value.publicKey !== 'string') return null;
    return { privateKey: value.privateKey, publicKey: value.publicKey };
  } catch {
    return null;
  }
}
