// An in-memory credential store for tests that exercise main's services without the OS keychain
// (the keychain itself is tested against a real Secret Service in tests/keychain/).
import { RoostError } from '../../../src-shared/contract/errors.ts';
import type { CredentialStore, StoredCredential } from '../../../src-main/vault/credential-store.ts';

export interface MemoryCredentials extends CredentialStore {
  readonly entries: Map<string, StoredCredential>;
  /** Simulates the user's keychain being locked. */
  locked: boolean;
}

export function createMemoryCredentials(): MemoryCredentials {
  const entries = new Map<string, StoredCredential>();
  const store: MemoryCredentials = {
    entries,
    locked: false,
    async assertWritable() {
      if (store.locked) throw new RoostError('keychain_locked', 'The keychain is locked.');
    },
    async save(id, credential) {
      await store.assertWritable();
      entries.set(id, credential);
    },
    async load(id) {
      return entries.get(id) ?? null;
    },
    async delete(id) {
      await store.assertWritable();
      entries.delete(id);
    },
    async status() {
      return store.locked ? { state: 'locked', detail: 'locked' } : { state: 'available', detail: 'memory' };
    },
  };
  return store;
}
