// shortener:* through main's real services and the browser-mode host over a WebSocket, against a loopback
// server replaying documented Shlink answers (not a real Shlink): the key goes in, never comes back out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHLINK_KEY } from '../../support/shortener-replay/fixtures.ts';
import { ShortenerReplayServer } from '../../support/shortener-replay/server.ts';
import { connectWire, startHostFixture, type HostFixture, type WireClient } from '../support/host-fixture.ts';

describe('shortener over the browser-mode host', () => {
  let server: ShortenerReplayServer;
  let fixture: HostFixture;
  let client: WireClient;
  const frames: string[] = [];

  beforeAll(async () => {
    server = new ShortenerReplayServer();
    await server.start();
    fixture = await startHostFixture();
    client = await connectWire(fixture.rpcUrl(), fixture.origin);
    client.socket.on('message', (data: Buffer) => frames.push(data.toString('utf8')));
  });
  afterAll(async () => {
    client.close();
    await fixture.stop();
    await server.stop();
  });

  it('configures, shortens and counts without the key ever reaching the renderer', async () => {
    const configured = await client.request('shortener:configure', {
      provider: 'shlink',
      baseUrl: server.origin,
      apiKey: SHLINK_KEY,
      allowMastodon: false,
    });
    expect(configured.result).toEqual({
      ok: true,
      value: { configured: true, provider: 'shlink', baseUrl: server.origin, allowMastodon: false },
    });
    expect(fixture.credentials.entries.get('service:link-shortener')).toEqual({
      kind: 'api-key',
      secret: SHLINK_KEY,
    });

    const shortened = await client.request('shortener:shorten', {
      urls: ['https://example.com/post'],
      network: 'bluesky',
    });
    if (!shortened.result.ok) throw new Error(shortened.result.error.message);
    const { links } = shortened.result.value as { links: { code: string }[] };
    server.visit(links[0]?.code ?? '', 4);
    const counted = await client.request('shortener:clicks', { codes: [links[0]?.code] });
    expect(counted.result).toEqual({ ok: true, value: { counts: [{ code: links[0]?.code, clicks: 4 }] } });

    const mastodon = await client.request('shortener:shorten', {
      urls: ['https://example.com/m'],
      network: 'mastodon',
    });
    expect(mastodon.result.ok ? 'ok' : mastodon.result.error.code).toBe('forbidden');

    await client.request('shortener:status', {});
    await client.request('shortener:links', { limit: 10 });
    expect(frames.length).toBeGreaterThanOrEqual(6);
    for (const frame of frames) expect(frame).not.toContain(SHLINK_KEY);
  });

  it('refuses a non-http(s) URL and more than 20 URLs as invalid input', async () => {
    const bad = await client.request('shortener:shorten', {
      urls: ['javascript:alert(1)'],
      network: 'bluesky',
    });
    expect(bad.result.ok ? 'ok' : bad.result.error.code).toBe('invalid_input');
    const many = Array.from({ length: 21 }, (_, i) => `https://example.com/${i}`);
    const tooMany = await client.request('shortener:shorten', { urls: many, network: 'bluesky' });
    expect(tooMany.result.ok ? 'ok' : tooMany.result.error.code).toBe('invalid_input');
  });
});
