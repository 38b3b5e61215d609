// Session handling against the real local PDS: a stored session is resumed (never a new login), refreshed
// tokens are reported for the keychain, and expired, revoked or garbage sessions are auth_failed.
import { AtpAgent } from '@atproto/api';
import { describe, expect, it } from 'vitest';
import { RoostError } from '../../../src-shared/contract/errors.ts';
import { createBlueskyConnector } from '../../../src-main/connectors/bluesky/bluesky-connector.ts';
import type { BlueskySession } from '../../../src-main/connectors/bluesky/bluesky-connector.ts';
import { info, sandbox, sessionFor, source, uniqueWord } from './support/world.ts';

/** The real fetch, observed: which XRPC methods were called. */
function observedFetch(): { fetch: typeof fetch; methods: string[] } {
  const methods: string[] = [];
  const wrapped: typeof fetch = (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    methods.push(new URL(url).pathname.replace('/xrpc/', ''));
    return fetch(input, init);
  };
  return { fetch: wrapped, methods };
}

async function authError(promise: Promise<unknown>): Promise<string | undefined> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RoostError);
  return (error as RoostError).code;
}

describe('Bluesky sessions against the local PDS', () => {
  it('resumes a stored session without logging in, reports rotated tokens, and the new ones work', async () => {
    const account = await sandbox.createAccount({ handlePrefix: 'sess' });
    const stored = await sessionFor(account);
    const updates: BlueskySession[] = [];
    const observed = observedFetch();
    const connector = await createBlueskyConnector({
      service: info.pdsUrl,
      session: stored,
      onSessionUpdate: (s) => void updates.push(s),
      fetch: observed.fetch,
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(observed.methods).not.toContain('com.atproto.server.createSession');
    expect(observed.methods).toContain('com.atproto.server.refreshSession');
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({ did: account.did, handle: account.handle });
    expect(updates[0]!.refreshJwt).not.toBe(stored.refreshJwt);
    expect(connector.currentSession()).toEqual(updates[0]);

    const word = uniqueWord();
    await sandbox.post({ handle: account.handle, text: `Session ${word}` });
    const page = await connector.fetchPage({
      source: source('search', word),
      since: null,
      before: null,
      limit: 10,
    });
    expect(page.items.map((i) => i.text)).toEqual([`Session ${word}`]);

    // The next start-up uses what was stored after the refresh.
    const again = observedFetch();
    const next = await createBlueskyConnector({
      service: info.pdsUrl,
      session: updates[0]!,
      onSessionUpdate: () => undefined,
      fetch: again.fetch,
    });
    expect(again.methods).not.toContain('com.atproto.server.createSession');
    expect(next.did).toBe(account.did);
  });

  it('is auth_failed when the stored session was revoked (signed out elsewhere)', async () => {
    const account = await sandbox.createAccount({ handlePrefix: 'revoke' });
    const stored = await sessionFor(account);
    const agent = new AtpAgent({ service: info.pdsUrl });
    await agent.com.atproto.server.deleteSession(undefined, {
      headers: { authorization: `Bearer ${stored.refreshJwt}` },
    });
    const updates: BlueskySession[] = [];
    expect(
      await authError(
        createBlueskyConnector({
          service: info.pdsUrl,
          session: stored,
          onSessionUpdate: (s) => void updates.push(s),
        }),
      ),
    ).toBe('auth_failed');
    expect(updates).toEqual([]);
  });

  it('is auth_failed once the app password Roost used has been revoked', async () => {
    const account = await sandbox.createAccount({ handlePrefix: 'apppw' });
    const stored = await sessionFor(account);
    const owner = new AtpAgent({ service: info.pdsUrl });
    await owner.login({ identifier: account.handle, password: account.password });
    await owner.com.atproto.server.revokeAppPassword({ name: 'roost' });
    expect(
      await authError(
        createBlueskyConnector({ service: info.pdsUrl, session: stored, onSessionUpdate: () => undefined }),
      ),
    ).toBe('auth_failed');
  });

  it('is auth_failed for garbage tokens, and network_unreachable when the PDS is not there', async () => {
    const account = await sandbox.createAccount({ handlePrefix: 'junk' });
    const junk = {
      accessJwt: 'not.a.jwt',
      refreshJwt: 'not.a.jwt',
      did: account.did,
      handle: account.handle,
    };
    expect(
      await authError(
        createBlueskyConnector({ service: info.pdsUrl, session: junk, onSessionUpdate: () => undefined }),
      ),
    ).toBe('auth_failed');
    const stored = await sessionFor(account);
    // Port 9 (discard) on loopback: nothing listens there.
    expect(
      await authError(
        createBlueskyConnector({
          service: 'http://127.0.0.1:9',
          session: stored,
          onSessionUpdate: () => undefined,
        }),
      ),
    ).toBe('network_unreachable');
  });
});
