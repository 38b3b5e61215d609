// With no keychain at all, adding an account still asks the server first: a wrong app password gets the
// server's answer, a right one then gets the keychain advice, and nothing is kept either way.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openMainStore, type MainStore } from '../../../src-main/store/main-store.ts';
import { createAccountRepository } from '../../../src-main/accounts/account-repository.ts';
import { createAccountsService, type AccountsService } from '../../../src-main/accounts/accounts-service.ts';
import { createEventBus } from '../../../src-main/rpc/event-bus.ts';
import { RoostError } from '../../../src-shared/contract/errors.ts';
import type { BlueskyIdentity } from '../../../src-main/connectors/bluesky/sign-in.ts';
import { createMemoryCredentials } from '../support/memory-credentials.ts';

const identity: BlueskyIdentity = {
  did: 'did:plc:alice',
  handle: 'alice.test',
  displayName: 'Alice',
  avatarUrl: null,
  session: { accessJwt: 'access', refreshJwt: 'refresh' },
};
const input = { service: 'https://pds.example/', identifier: 'alice.test', appPassword: 'app-pass-1234' };

describe('adding an account with no keychain', () => {
  let store: MainStore;
  let service: AccountsService;
  let signIns: number;
  let passwordIsRight: boolean;

  beforeEach(() => {
    store = openMainStore({ path: ':memory:' });
    const memory = createMemoryCredentials();
    const unavailable = () => new RoostError('keychain_unavailable', 'No Secret Service.');
    signIns = 0;
    passwordIsRight = false;
    service = createAccountsService({
      registry: createAccountRepository(store),
      credentials: {
        ...memory,
        assertWritable: () => Promise.reject(unavailable()),
        save: () => Promise.reject(unavailable()),
        status: () => Promise.resolve({ state: 'unavailable', detail: 'No Secret Service.' }),
      },
      events: createEventBus(),
      signInToBluesky: async () => {
        signIns++;
        if (!passwordIsRight) throw new RoostError('auth_failed', 'Invalid identifier or password');
        return identity;
      },
    });
  });
  afterEach(() => store.close());

  it('reports a wrong password first, then the missing keychain, and keeps nothing', async () => {
    await expect(service.addBluesky(input)).rejects.toMatchObject({ code: 'auth_failed' });
    passwordIsRight = true;
    await expect(service.addBluesky(input)).rejects.toMatchObject({ code: 'keychain_unavailable' });
    expect(signIns).toBe(2);
    expect(service.list()).toEqual([]);
  });
});
