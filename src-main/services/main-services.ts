// Starts main's services (store, vault, accounts) and wires the contract's handlers to them. Used by
// the Electron shell and by browser mode alike; nothing here imports Electron.
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { openMainStore } from '../store/main-store.ts';
import { createAccountRepository } from '../store/account-repository.ts';
import { createRouter } from '../host/router.ts';
import { signInToBluesky } from '../connectors/bluesky/sign-in.ts';
import { createEventBus } from './event-bus.ts';
import { createAccountsService } from './accounts-service.ts';
import { createKeychainCredentialStore } from './keychain-credential-store.ts';
import { createSecretServiceKeychain } from '../vault/secret-service-keychain.ts';
import type { CredentialStore } from './credential-store.ts';
import type { MainServices, MainServicesOptions } from './types.ts';

export interface MainServicesOverrides {
  /** Tests inject a credential store; the app uses the OS keychain. */
  readonly credentials?: CredentialStore & { stop?(): Promise<void> };
  readonly fetch?: typeof globalThis.fetch;
}

export async function startMainServices(
  options: MainServicesOptions,
  overrides: MainServicesOverrides = {},
): Promise<MainServices> {
  mkdirSync(options.dataDir, { recursive: true });
  const store = openMainStore({ path: path.join(options.dataDir, 'roost-main.sqlite') });
  const credentials = overrides.credentials ?? createKeychainCredentialStore(createSecretServiceKeychain());
  const events = createEventBus();
  const accounts = createAccountsService({
    registry: createAccountRepository(store),
    credentials,
    events,
    signInToBluesky: (input) => signInToBluesky({ ...input, ...(overrides.fetch ? { fetch: overrides.fetch } : {}) }),
  });

  const router = createRouter(
    {
      'app:info': () => ({ version: options.version, mode: options.mode, platform: process.platform }),
      'app:ready': () => ({ queued: 0 }),
      'vault:status': () => credentials.status(),
      'accounts:list': () => accounts.list(),
      'accounts:add': (input) => accounts.addBluesky(input),
      'accounts:remove': (input) => accounts.remove(input.id),
      'accounts:setProtected': (input) => accounts.setProtected(input.id, input.protected),
    },
    {
      onInternalError: (method, error) =>
        console.error(`[roost] ${method} failed:`, error instanceof Error ? error.message : 'unknown error'),
    },
  );

  return {
    router,
    events,
    setOnline: (online) => events.emit('app:connectivity', { online }),
    notifyPower: (state) => events.emit('app:power', { state }),
    async stop() {
      await credentials.stop?.();
      store.close();
    },
  };
}
