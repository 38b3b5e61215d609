// The credential store over the OS keychain: one keychain entry per account under Roost's service
// name, holding JSON. Keychain trouble becomes a RoostError the UI can explain.
import { RoostError } from '../../src-shared/contract/errors.ts';
import type { Keychain, KeychainFailure } from '../vault/keychain.ts';
import type { CredentialStore, StoredCredential } from './credential-store.ts';

export const KEYCHAIN_SERVICE = 'app.roost.credentials';

const accountKey = (accountId: string): string => `account:${accountId}`;

export function createKeychainCredentialStore(keychain: Keychain): CredentialStore & { stop(): Promise<void> } {
  return {
    async assertWritable() {
      const status = await keychain.status();
      if (status.state !== 'available') throw failure({ state: status.state, detail: status.detail } as KeychainFailure);
    },
    async save(accountId, credential) {
      const result = await keychain.setPassword(KEYCHAIN_SERVICE, accountKey(accountId), JSON.stringify(credential));
      if (result.state !== 'ok') throw failure(result);
    },
    async load(accountId) {
      const result = await keychain.getPassword(KEYCHAIN_SERVICE, accountKey(accountId));
      if (result.state === 'not_stored') return null;
      if (result.state !== 'stored') throw failure(result);
      return parseCredential(result.value);
    },
    async delete(accountId) {
      const result = await keychain.deletePassword(KEYCHAIN_SERVICE, accountKey(accountId));
      if (result.state !== 'ok') throw failure(result);
    },
    status: () => keychain.status(),
    stop: () => keychain.stop(),
  };
}

function parseCredential(raw: string): StoredCredential | null {
  try {
    const value = JSON.parse(raw) as Partial<StoredCredential>;
    if (value.kind === 'app-password' && typeof value.identifier === 'string' && typeof value.secret === 'string') {
      return value as StoredCredential;
    }
  } catch {
    // Fall through: an entry Roost cannot read is treated as missing, so the user signs in again.
  }
  return null;
}

function failure(result: KeychainFailure): RoostError {
  switch (result.state) {
    case 'locked':
      return new RoostError('keychain_locked', 'The system keychain is locked.');
    case 'timed_out':
      return new RoostError('keychain_timeout', 'The system keychain did not answer in time.');
    default:
      return new RoostError('keychain_unavailable', `The system keychain is unavailable: ${result.detail}`);
  }
}
