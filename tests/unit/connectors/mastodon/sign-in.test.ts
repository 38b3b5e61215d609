// Mastodon sign-in (app registration, OAuth with PKCE over a loopback redirect or the out-of-band code,
// verify_credentials) against a loopback server replaying the official API docs' examples — not a real server.
import { describe, expect, it } from 'vitest';
import { startLoopbackRedirect } from '../../../../src-main/connectors/mastodon/loopback-redirect.ts';
import { beginOobSignIn, signInWithLoopback } from '../../../../src-main/connectors/mastodon/sign-in.ts';
import { useReplay } from './replay-harness.ts';

const h = useReplay();

describe('loopback sign-in', () => {
  it('registers the app, authorises with PKCE, receives the code on 127.0.0.1 and verifies the account', async () => {
    let opened = '';
    const signedIn = await signInWithLoopback({
      origin: h.server.origin,
      timeoutMs: 10_000,
      // Stands in for the browser: the replay's /oauth/authorize approves and redirects to the listener.
      openBrowser: async (url) => {
        opened = url;
        const response = await fetch(url);
        expect(response.status).toBe(200);
      },
    });
    expect(signedIn.identity).toMatchObject({
      id: '14715',
      handle: `trwnh@${new URL(h.server.origin).host}`,
      displayName: 'infinite love ⴳ',
    });
    const authorize = new URL(opened);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    const apps = h.server.requestsTo('POST', '/api/v1/apps').at(-1);
    expect((apps?.body as { redirect_uris: string[] }).redirect_uris).toEqual([
      authorize.searchParams.get('redirect_uri'),
      'urn:ietf:wg:oauth:2.0:oob',
    ]);
    const token = h.server.requestsTo('POST', '/oauth/token').at(-1);
    expect(token?.body).toMatchObject({
      grant_type: 'authorization_code',
      code_verifier: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
    expect(
      h.server.requestsTo('GET', '/api/v1/accounts/verify_credentials').at(-1)?.headers.authorization,
    ).toBe(`Bearer ${signedIn.accessToken}`);
  });

  it('refuses a callback with the wrong state but keeps waiting for the right one', async () => {
    const listener = await startLoopbackRedirect({ state: 'expected-state', timeoutMs: 10_000 });
    const wrong = await fetch(`${listener.redirectUri}?code=stolen&state=other`);
    expect(wrong.status).toBe(400);
    const right = await fetch(`${listener.redirectUri}?code=good-code&state=expected-state`);
    expect(right.status).toBe(200);
    await expect(listener.code).resolves.toBe('good-code');
  });

  it('rejects when the person refuses, and on timeout', async () => {
    const listener = await startLoopbackRedirect({ state: 's', timeoutMs: 10_000 });
    await fetch(`${listener.redirectUri}?error=access_denied&state=s`);
    await expect(listener.code).rejects.toMatchObject({ code: 'auth_failed' });
    let fire: () => void = () => undefined;
    const timed = await startLoopbackRedirect({
      state: 's',
      timeoutMs: 1,
      setTimeout: (fn) => (fire = fn),
      clearTimeout: () => undefined,
    });
    fire();
    await expect(timed.code).rejects.toMatchObject({ code: 'auth_failed' });
  });
});

describe('out-of-band sign-in', () => {
  it('exchanges a pasted code', async () => {
    const flow = await beginOobSignIn({ origin: h.server.origin });
    const page = await (await fetch(flow.authorizeUrl)).text();
    const code = /value="([^"]+)"/.exec(page)?.[1] ?? '';
    const signedIn = await flow.complete(`  ${code}\n`);
    expect(signedIn.identity.acct).toBe('trwnh');
    expect(new URL(flow.authorizeUrl).searchParams.get('redirect_uri')).toBe('urn:ietf:wg:oauth:2.0:oob');
  });

  it('reports a wrong or reused code as auth_failed', async () => {
    const flow = await beginOobSignIn({ origin: h.server.origin });
    await expect(flow.complete('not-a-real-code')).rejects.toMatchObject({ code: 'auth_failed' });
    await expect(flow.complete('two words')).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
