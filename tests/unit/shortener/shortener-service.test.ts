// The shortener service with main's real SQLite store, the in-memory credential store double and a
// loopback server replaying documented Shlink and YOURLS answers (not a real Shlink or YOURLS).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createShortenerRepository } from '../../../src-main/shortener/shortener-repository.ts';
import {
  SHORTENER_CREDENTIAL_ID,
  createShortenerService,
  type ShortenerService,
} from '../../../src-main/shortener/shortener-service.ts';
import { openMainStore, type MainStore } from '../../../src-main/store/main-store.ts';
import { SHLINK_KEY, YOURLS_SIGNATURE } from '../../support/shortener-replay/fixtures.ts';
import { ShortenerReplayServer } from '../../support/shortener-replay/server.ts';
import { createMemoryCredentials, type MemoryCredentials } from '../support/memory-credentials.ts';
import { failure } from './support.ts';

describe('shortener service', () => {
  let server: ShortenerReplayServer;
  let store: MainStore;
  let credentials: MemoryCredentials;
  let service: ShortenerService;

  beforeEach(async () => {
    server = new ShortenerReplayServer();
    await server.start();
    store = openMainStore({ path: ':memory:' });
    credentials = createMemoryCredentials();
    service = createShortenerService({
      repo: createShortenerRepository(store),
      credentials,
      fetch: globalThis.fetch,
    });
  });
  afterEach(async () => {
    store.close();
    await server.stop();
  });

  const configureShlink = (allowMastodon = false) =>
    service.configure({
      provider: 'shlink',
      baseUrl: `${server.origin}/`,
      apiKey: SHLINK_KEY,
      allowMastodon,
    });

  it('checks the key with one harmless call, then keeps the key in the keychain and the rest in the store', async () => {
    const status = await configureShlink();
    expect(status).toEqual({
      configured: true,
      provider: 'shlink',
      baseUrl: server.origin,
      allowMastodon: false,
    });
    expect(JSON.stringify(status)).not.toContain(SHLINK_KEY);
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /rest/v3/short-urls']);
    expect(credentials.entries.get(SHORTENER_CREDENTIAL_ID)).toEqual({ kind: 'api-key', secret: SHLINK_KEY });
    const row = store.db.prepare('SELECT * FROM shortener_settings').get();
    expect(JSON.stringify(row)).not.toContain(SHLINK_KEY);
  });

  it('saves nothing when the server refuses the key', async () => {
    const error = await failure(
      service.configure({ provider: 'yourls', baseUrl: server.origin, apiKey: 'nope', allowMastodon: false }),
    );
    expect(error.code).toBe('auth_failed');
    expect(credentials.entries.size).toBe(0);
    expect(service.status().configured).toBe(false);
  });

  it('reports a locked keychain before any request leaves', async () => {
    credentials.locked = true;
    expect((await failure(configureShlink())).code).toBe('keychain_locked');
    expect(server.requests).toHaveLength(0);
    expect(service.status().configured).toBe(false);
  });

  it('shortens each distinct URL once, remembers it, and reuses it without asking the server again', async () => {
    await configureShlink();
    const urls = [
      'https://example.com/a?utm_campaign=spring',
      'https://example.com/b',
      'https://example.com/a?utm_campaign=spring',
    ];
    const first = await service.shorten(urls, 'bluesky');
    expect(first.links.map((l) => l.longUrl)).toEqual([
      'https://example.com/a?utm_campaign=spring',
      'https://example.com/b',
    ]);
    const calls = server.requests.length;
    const again = await service.shorten(['https://example.com/b'], 'bluesky');
    expect(again.links).toEqual([first.links[1]]);
    expect(server.requests.length).toBe(calls);
    expect(
      service
        .links(10)
        .map((l) => l.code)
        .sort(),
    ).toEqual(first.links.map((l) => l.code).sort());
  });

  it('leaves links already on the shortener alone', async () => {
    await configureShlink();
    expect((await service.shorten([`${server.origin}/abc`], 'bluesky')).links).toEqual([]);
  });

  it('refuses Mastodon targets unless the setting allows them', async () => {
    await configureShlink();
    expect((await failure(service.shorten(['https://example.com/m'], 'mastodon'))).code).toBe('forbidden');
    expect(service.setOptions({ allowMastodon: true }).allowMastodon).toBe(true);
    expect((await service.shorten(['https://example.com/m'], 'mastodon')).links).toHaveLength(1);
  });

  it('counts clicks only for codes Roost created, and keeps the last count', async () => {
    await service.configure({
      provider: 'yourls',
      baseUrl: server.origin,
      apiKey: YOURLS_SIGNATURE,
      allowMastodon: false,
    });
    const foreign = server.seed('https://example.com/foreign', 40, 'f0reign');
    const [link] = (await service.shorten(['https://example.com/mine'], 'bluesky')).links;
    if (!link) throw new Error('no link');
    server.visit(link.code, 2);
    const counted = await service.clicks([link.code, foreign]);
    expect(counted.counts).toEqual([
      { code: link.code, clicks: 2 },
      { code: foreign, clicks: null },
    ]);
    expect(service.links(5)[0]).toMatchObject({ code: link.code, clicks: 2 });
    expect(
      server.requests.filter((r) => new URLSearchParams(r.body).get('shorturl') === foreign),
    ).toHaveLength(0);
  });

  it('asks for the key again when the keychain lost it', async () => {
    await configureShlink();
    credentials.entries.clear();
    const error = await failure(service.shorten(['https://example.com/a'], 'bluesky'));
    expect(error.code).toBe('auth_failed');
    expect(error.message).toContain('keychain');
  });

  it('clear removes the key and the settings but keeps the history of created links', async () => {
    await configureShlink();
    await service.shorten(['https://example.com/kept'], 'bluesky');
    expect(await service.clear()).toEqual({ cleared: true });
    expect(credentials.entries.has(SHORTENER_CREDENTIAL_ID)).toBe(false);
    expect(service.status()).toEqual({
      configured: false,
      provider: null,
      baseUrl: null,
      allowMastodon: false,
    });
    expect((await failure(service.shorten(['https://example.com/a'], 'bluesky'))).code).toBe('not_found');
    expect(store.db.prepare('SELECT count(*) AS n FROM short_links').get()?.['n']).toBe(1);
  });
});
