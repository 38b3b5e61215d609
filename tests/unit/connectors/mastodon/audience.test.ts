// Reading the signed-in account's audience and profile texts (GET /api/v1/accounts/verify_credentials) against a loopback
// server that replays the official Mastodon API documentation's CredentialAccount example — not a real
// Mastodon server.
import { afterEach, expect, it } from 'vitest';
import type { Connector } from '../../../../src-main/connectors/connector.ts';
import { MastodonReplayServer } from '../../../support/mastodon-replay/server.ts';
import { connectorFor } from './replay-harness.ts';

let server: MastodonReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

it('reads followers, following and statuses in one request', async () => {
  server = await MastodonReplayServer.start();
  const connector = connectorFor(server);
  const before = server.requests.filter((r) => r.path === '/api/v1/accounts/verify_credentials').length;
  expect(await connector.readAudience()).toEqual({ followers: 821, following: 178, posts: 33120 });
  expect(server.requests.filter((r) => r.path === '/api/v1/accounts/verify_credentials').length).toBe(
    before + 1,
  );
});

it('reads the note, profile URL and field values the account says about itself, through the typed capability', async () => {
  server = await MastodonReplayServer.start();
  const connector: Connector = connectorFor(server);
  const texts = (await connector.readProfileTexts?.()) ?? [];
  expect(texts[0]).toContain('https://trwnh.com');
  expect(texts[1]).toBe('https://mastodon.social/@trwnh');
  expect(texts).toHaveLength(6);
  expect(texts.slice(2).some((t) => t.includes('liberapay.com/at'))).toBe(true);
});
