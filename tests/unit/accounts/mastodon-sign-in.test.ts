// Mastodon sign-in through main's services, against the loopback replay of the official Mastodon API
// documentation's responses (no Mastodon-compatible server can run on these machines).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openMainStore, type MainStore } from '../../../src-main/store/main-store.ts';
import { createAccountRepository } from '../../../src-main/accounts/account-repository.ts';
import { createAccountsService } from '../../../src-main/accounts/accounts-service.ts';
import { createEventBus } from '../../../src-main/rpc/event-bus.ts';
import { createMastodonSignIn, type MastodonSignIn } from '../../../src-main/accounts/mastodon-sign-in.ts';
import { MastodonReplayServer } from '../../support/mastodon-replay/server.ts';
import { createMemoryCredentials, type MemoryCredentials } from '../support/memory-credentials.ts';

describe('Mastodon sign-in', () => {
  let server: MastodonReplayServer;
  let store: MainStore;
  let credentials: MemoryCredentials;
  let signIn: MastodonSignIn;
  let events: { name: string; payload: unknown }[];

  beforeEach(async () => {
    server = await MastodonReplayServer.start();
    store = openMainStore({ path: ':memory:' });
    credentials = createMemoryCredentials();
    const bus = createEventBus();
    events = [];
    bus.subscribe((name, payload) => events.push({ name, payload }));
    const accounts = createAccountsService({
      registry: createAccountRepository(store),
      credentials,
      events: bus,
      signInToBluesky: () => Promise.reject(new Error('not used')),
    });
    signIn = createMastodonSignIn({ accounts, events: bus, fetch });
  });
  afterEach(async () => {
    store.close();
    await server.close();
  });

  it('completes an out-of-band sign-in with the pasted code and stores the token in the keychain', async () => {
    const { flowId, authorizeUrl } = await signIn.begin(server.origin, 'oob');
    const page = await (await fetch(authorizeUrl)).text();
    const code = /value="([^"]+)"/.exec(page)?.[1];
    expect(code).toBeTruthy();
    const account = await signIn.complete(flowId, code as string);
    expect(account).toMatchObject({ network: 'mastodon', service: server.origin, status: 'active' });
    expect(credentials.entries.get(account.id)).toMatchObject({ kind: 'oauth' });
    await expect(signIn.complete(flowId, code as string)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('finishes a loopback sign-in when the browser comes back, and announces it', async () => {
    const { flowId, authorizeUrl } = await signIn.begin(server.origin, 'loopback');
    const authorize = await fetch(authorizeUrl, { redirect: 'manual' });
    const callback = authorize.headers.get('location');
    expect(callback).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    await fetch(callback as string);
    await expect
      .poll(() => events.find((e) => e.name === 'accounts:signIn')?.payload)
      .toMatchObject({ flowId, ok: true });
    expect(credentials.entries.size).toBe(1);
  });

  it('a wrong pasted code is refused and nothing is kept', async () => {
    const { flowId } = await signIn.begin(server.origin, 'oob');
    await expect(signIn.complete(flowId, 'not-a-real-code')).rejects.toMatchObject({ code: 'auth_failed' });
    expect(credentials.entries.size).toBe(0);
  });

  it('a locked keychain refuses before the user is sent to the server', async () => {
    credentials.locked = true;
    await expect(signIn.begin(server.origin, 'oob')).rejects.toMatchObject({ code: 'keychain_locked' });
  });
});
