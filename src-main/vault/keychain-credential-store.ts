// The credential store over the OS keychain (through the vault). Keychain trouble becomes a RoostError
// the UI can explain: locked, unavailable or timed out.
import { RoostError } from '../../src-shared/contract/errors.ts';
import type { Keychain, KeychainFailure } from './keychain.ts';
import { createSecretVault } from './secret-vault.ts';
import type { CredentialStore } from './credential-store.ts';

export function createKeychainCredentialStore(
  keychain: Keychain,
): CredentialStore & { stop(): Promise<void> } {
  const vault = createSecretVault(keychain);
  return {
    async assertWritable() {
      const status = await vault.status();
      if (status.state !== 'available')
        throw failure({ state: status.state, detail: status.detail } as KeychainFailure);
    },
    async save(accountId, credential) {
      const result = await vault.write(accountId, credential);
      if (result.state !== 'ok') throw failure(result);
    },
    async load(accountId) {
      const result = await vault.read(accountId);
      if (result.state === 'not_stored' || result.state === 'invalid') return null;
      if (result.state !== 'stored') throw failure(result);
      const { credential } = result;
      if (credential.kind === 'app-password' || credential.kind === 'api-key') return credential;
      return {
        kind: 'oauth',
        accessToken: credential.accessToken,
        ...(credential.scope ? { scope: credential.scope } : {}),
      };
    },
    async delete(accountId) {
      const result = await vault.remove(accountId);
      if (result.state !== 'ok') throw failure(result);
    },
    status: () => vault.status(),
    stop: () => keychain.stop(),
  };
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
