// The accounts service over a real SQLite store: an add completes both keychain and registry or
// neither, and every failure leaves nothing half-made.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openMainStore, type MainStore } from '../../../src-main/store/main-store.ts';
import { createAccountRepository } from '../../../src-main/accounts/account-repository.ts';
import { createAccountsService, type AccountsService } from '../../../src-main/accounts/accounts-service.ts';
import { createEventBus } from '../../../src-main/rpc/event-bus.ts';
import { RoostError } from '../../../src-shared/contract/errors.ts';
import type { BlueskyIdentity } from '../../../src-main/connectors/bluesky/sign-in.ts';
import { createMemoryCredentials, type MemoryCredentials } from '../support/memory-credentials.ts';

const identity: BlueskyIdentity = {
  did: 'did:plc:alice',
  handle: 'alice.test',
  displayName: 'Alice',
  avatarUrl: 'https://cdn.example/alice.jpg',
  session: { accessJwt: 'access', refreshJwt: 'refresh' },
};
const input = { service: 'https://pds.example/', identifier: 'alice.test', appPassword: 'app-pass-1234' };

describe('accounts service', () => {
  let store: MainStore;
  let credentials: MemoryCredentials;
  let signIn: () => Promise<BlueskyIdentity>;
  let service: AccountsService;
  let changes: number;

  beforeEach(() => {
    store = openMainStore({ path: ':memory:' });
    credentials = createMemoryCredentials();
    signIn = async () => identity;
    const events = createEventBus();
    changes = 0;
    events.subscribe((name) => {
      if (name === 'accounts:changed') changes++;
    });
    service = createAccountsService({
      registry: createAccountRepository(store),
      credentials,
      events,
      signInToBluesky: () => signIn(),
    });
  });
  afterEach(() => store.close());

  it('adds an account: secret in the keychain, profile in the registry, an event for the UI', async () => {
    const account = await service.addBluesky(input);
    expect(account).toMatchObject({
      handle: 'alice.test',
      remoteId: 'did:plc:alice',
      service: 'https://pds.example',
      status: 'active',
    });
    expect(credentials.entries.get(account.id)).toMatchObject({
      kind: 'app-password',
      secret: 'app-pass-1234',
    });
    expect(JSON.stringify(service.list())).not.toContain('app-pass-1234');
    expect(changes).toBe(1);
  });

  it('a wrong password keeps nothing', async () => {
    signIn = async () => {
      throw new RoostError('auth_failed', 'rejected');
    };
    await expect(service.addBluesky(input)).rejects.toMatchObject({ code: 'auth_failed' });
    expect(service.list()).toEqual([]);
    expect(credentials.entries.size).toBe(0);
  });

  it('a locked keychain refuses before signing in and keeps nothing', async () => {
    credentials.locked = true;
    let signedIn = false;
    signIn = async () => ((signedIn = true), identity);
    await expect(service.addBluesky(input)).rejects.toMatchObject({ code: 'keychain_locked' });
    expect(signedIn).toBe(false);
    expect(service.list()).toEqual([]);
  });

  it('adding the same identity twice is refused and the first stays intact', async () => {
    const first = await service.addBluesky(input);
    await expect(service.addBluesky(input)).rejects.toMatchObject({ code: 'already_exists' });
    expect(service.list().map((a) => a.id)).toEqual([first.id]);
    expect(credentials.entries.size).toBe(1);
  });

  it('remove deletes from both; with a locked keychain the account stays so nothing is orphaned', async () => {
    const account = await service.addBluesky(input);
    credentials.locked = true;
    await expect(service.remove(account.id)).rejects.toMatchObject({ code: 'keychain_locked' });
    expect(service.list()).toHaveLength(1);
    credentials.locked = false;
    expect(await service.remove(account.id)).toEqual({ removed: true });
    expect(service.list()).toEqual([]);
    expect(credentials.entries.size).toBe(0);
    expect(await service.remove(account.id)).toEqual({ removed: false });
  });

  it('marks an account protected', async () => {
    const account = await service.addBluesky(input);
    expect(service.setProtected(account.id, true).protected).toBe(true);
    expect(() => service.setProtected('missing', true)).toThrow(RoostError);
  });
});

describe('signing in again', () => {
  it('revives an account that needed sign-in with fresh credentials instead of refusing it', async () => {
    const store = openMainStore({ path: ':memory:' });
    const credentials = createMemoryCredentials();
    const registry = createAccountRepository(store);
    const revived: string[] = [];
    const service = createAccountsService({
      registry,
      credentials,
      events: createEventBus(),
      signInToBluesky: async () => identity,
      onSignedInAgain: (id) => revived.push(id),
    });
    const account = await service.addBluesky(input);
    registry.setStatus(account.id, 'needs_sign_in');
    const again = await service.addBluesky({ ...input, appPassword: 'new-pass-5678' });
    expect(again).toMatchObject({ id: account.id, status: 'active' });
    expect(credentials.entries.get(account.id)).toMatchObject({ secret: 'new-pass-5678' });
    expect(revived).toEqual([account.id]);
    store.close();
  });
});
