// Plain http:// for a Bluesky server, a Mastodon instance or a link shortener is refused unless it is this
// computer, with a clear reason and before any request carries a password, token or API key.
import { afterEach, describe, expect, it } from 'vitest';
import { signInToBluesky } from '../../../src-main/connectors/bluesky/sign-in.ts';
import { normaliseOrigin } from '../../../src-main/connectors/mastodon/http.ts';
import { createShortenerRepository } from '../../../src-main/shortener/shortener-repository.ts';
import { createShortenerService } from '../../../src-main/shortener/shortener-service.ts';
import { openMainStore, type MainStore } from '../../../src-main/store/main-store.ts';
import { createMemoryCredentials } from '../support/memory-credentials.ts';
import { startHostFixture } from '../support/host-fixture.ts';

const requests: string[] = [];
const recordingFetch: typeof fetch = async (input) => {
  requests.push(input instanceof Request ? input.url : String(input));
  return new Response('{}', { status: 500 });
};
const stores: MainStore[] = [];
afterEach(() => {
  requests.length = 0;
  for (const store of stores.splice(0)) store.close();
});

async function failure(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error('expected a failure');
}

const WHY = /must use https:\/\/: plain http:\/\/ is accepted only for this computer/;

describe('plain http only for this computer', () => {
  it('Bluesky: refuses http://pds.example before sending the app password', async () => {
    const error = await failure(
      signInToBluesky({
        service: 'http://pds.example',
        identifier: 'brand.example',
        appPassword: 'abcd-efgh-ijkl-mnop',
        fetch: recordingFetch,
      }),
    );
    expect(error).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(WHY) });
    expect(requests).toEqual([]);
  });

  it('Bluesky: still talks to a loopback server over http (the local sandbox)', async () => {
    await failure(
      signInToBluesky({
        service: 'http://127.0.0.1:9',
        identifier: 'brand.test',
        appPassword: 'abcd-efgh-ijkl-mnop',
        fetch: recordingFetch,
      }),
    );
    expect(requests[0]).toMatch(/^http:\/\/127\.0\.0\.1:9\/xrpc\//);
  });

  it('Mastodon: refuses an http instance unless it is loopback', () => {
    expect(() => normaliseOrigin('http://mastodon.example')).toThrow(WHY);
    expect(() => normaliseOrigin('http://10.0.0.4:3000')).toThrow(WHY);
    expect(normaliseOrigin('http://127.0.0.1:3000/')).toBe('http://127.0.0.1:3000');
    expect(normaliseOrigin('mastodon.example')).toBe('https://mastodon.example');
  });

  it('link shortener: refuses an http server unless it is loopback, before the key is sent', async () => {
    const store = openMainStore({ path: ':memory:' });
    stores.push(store);
    const service = createShortenerService({
      repo: createShortenerRepository(store),
      credentials: createMemoryCredentials(),
      fetch: recordingFetch,
    });
    const error = await failure(
      service.configure({
        provider: 'shlink',
        baseUrl: 'http://short.example',
        apiKey: 'secret-key',
        allowMastodon: false,
      }),
    );
    expect(error).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(WHY) });
    expect(requests).toEqual([]);
    expect(service.status().configured).toBe(false);
  });

  it('reaches the page through the contract as invalid_input on the field at fault', async () => {
    const fixture = await startHostFixture();
    try {
      const add = await fixture.services.router.dispatch(
        'accounts:add',
        {
          network: 'bluesky',
          service: 'http://pds.example',
          identifier: 'brand.example',
          appPassword: 'abcd-efgh-ijkl-mnop',
        },
        { transport: 'browser', actor: { kind: 'local-user' } },
      );
      expect(add).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', issues: [{ path: 'service', message: expect.stringMatching(WHY) }] },
      });
      const mastodon = await fixture.services.router.dispatch(
        'accounts:beginMastodon',
        { instance: 'http://mastodon.example', method: 'oob' },
        { transport: 'browser', actor: { kind: 'local-user' } },
      );
      expect(mastodon).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', issues: [{ path: 'instance', message: expect.stringMatching(WHY) }] },
      });
    } finally {
      await fixture.stop();
    }
  });
});
