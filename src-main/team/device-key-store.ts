// Where a desktop keeps its team device key: the private half never leaves this store (the OS keychain in the
// app), the server only ever sees the public half. Keyed by the team server's address.
import type { Keychain } from '../vault/keychain.ts';

export interface StoredDeviceKey {
  /** PKCS#8 DER, base64url. */
  readonly privateKey: string;
  /** SPKI DER, base64url — what the server enrolled. */
  readonly publicKey: string;
}

export interface DeviceKeyStore {
  load(serverUrl: string): Promise<StoredDeviceKey | null>;
  save(serverUrl: string, key: StoredDeviceKey): Promise<void>;
  remove(serverUrl: string): Promise<void>;
}

export const TEAM_KEYCHAIN_SERVICE = 'roost-team-device';

export class DeviceKeyUnavailableError extends Error {
  constructor(state: string) {
    super(`The OS keychain is ${state}: the team device key cannot be read or stored. Unlock it and retry.`);
    this.name = 'DeviceKeyUnavailableError';
  }
}

/** The app's store: one keychain entry per team server, holding both halves as JSON. */
export function createKeychainDeviceKeyStore(keychain: Keychain): DeviceKeyStore {
  return {
    async load(serverUrl) {
      const read = await keychain.getPassword(TEAM_KEYCHAIN_SERVICE, serverUrl);
      if (read.state === 'not_stored') return null;
      if (read.state !== 'stored') throw new DeviceKeyUnavailableError(read.state);
      const value = JSON.parse(read.value) as Partial<StoredDeviceKey>;
      if (typeof value.privateKey !== 'string' || typeof value.publicKey !== 'string') return null;
      return { privateKey: value.privateKey, publicKey: value.publicKey };
    },
    async save(serverUrl, key) {
      const written = await keychain.setPassword(TEAM_KEYCHAIN_SERVICE, serverUrl, JSON.stringify(key));
      if (written.state !== 'ok') throw new DeviceKeyUnavailableError(written.state);
    },
    async remove(serverUrl) {
      const removed = await keychain.deletePassword(TEAM_KEYCHAIN_SERVICE, serverUrl);
      if (removed.state !== 'ok') throw new DeviceKeyUnavailableError(removed.state);
    },
  };
}
