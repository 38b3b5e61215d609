// The shortener key through the real vault and keychain credential store, over an in-memory Keychain port
// (the OS keychain itself is tested in tests/keychain/): the api-key kind is validated, stored and read back.
import { describe, expect, it } from 'vitest';
import { createKeychainCredentialStore } from '../../../src-main/vault/keychain-credential-store.ts';
import { SHORTENER_CREDENTIAL_ID } from '../../../src-main/shortener/shortener-service.ts';
import { VAULT_SERVICE } from '../../../src-main/vault/secret-vault.ts';
import type { Keychain } from '../../../src-main/vault/keychain.ts';

function memoryKeychain(): Keychain & { values: Map<string, string> } {
  const values = new Map<string, string>();
  const key = (service: string, account: string) => `${service}\u0000${account}`;
  return {
    values,
    async getPassword(service, account) {
      const value = values.get(key(service, account));
      return value === undefined ? { state: 'not_stored' } : { state: 'stored', value };
    },
    async setPassword(service, account, password) {
      values.set(key(service, account), password);
      return { state: 'ok' };
    },
    async deletePassword(service, account) {
      return { state: 'ok', deleted: values.delete(key(service, account)) };
    },
    async findCredentials(service) {
      const credentials = [...values]
        .filter(([k]) => k.startsWith(`${service}\u0000`))
        .map(([k, password]) => ({ account: k.slice(service.length + 1), password }));
      return { state: 'found', credentials };
    },
    status: async () => ({ state: 'available', detail: 'memory' }),
    stop: async () => undefined,
  };
}

describe('shortener key in the vault', () => {
  it('round-trips an api-key credential and deletes it', async () => {
    const keychain = memoryKeychain();
    const store = createKeychainCredentialStore(keychain);
    await store.save(SHORTENER_CREDENTIAL_ID, { kind: 'api-key', secret: 's3cret-key' });
    expect(keychain.values.get(`${VAULT_SERVICE}\u0000account:${SHORTENER_CREDENTIAL_ID}`)).toBe(
      JSON.stringify({ kind: 'api-key', secret: 's3cret-key' }),
    );
    expect(await store.load(SHORTENER_CREDENTIAL_ID)).toEqual({ kind: 'api-key', secret: 's3cret-key' });
    await store.delete(SHORTENER_CREDENTIAL_ID);
    expect(await store.load(SHORTENER_CREDENTIAL_ID)).toBeNull();
  });

  it('refuses an empty key before it reaches the keychain, without echoing anything', async () => {
    const keychain = memoryKeychain();
    const store = createKeychainCredentialStore(keychain);
    await expect(store.save(SHORTENER_CREDENTIAL_ID, { kind: 'api-key', secret: '' })).rejects.toThrow(
      /secret/,
    );
    expect(keychain.values.size).toBe(0);
  });
});
