// Where a Mastodon stream (which carries the account's access token) may be opened: wss for an https
// instance, and a declared streaming host only under the instance's own registrable domain — otherwise
// the instance's own host, which serves /api/v1/streaming too.
import { describe, expect, it } from 'vitest';
import { streamingBaseUrl } from '../../../../src-main/connectors/mastodon/instance.ts';
import { InstanceV2Schema } from '../../../../src-main/connectors/mastodon/entities.ts';
import { registrableDomain } from '../../../../src-main/connectors/mastodon/streaming-host.ts';
import { streamingUrl } from '../../../../src-main/connectors/mastodon/streaming.ts';
import { fixture } from '../../../support/mastodon-replay/fixtures.ts';

/** The documented Instance example, declaring another streaming URL (or none). */
function instanceDeclaring(streaming: string | null) {
  const raw = fixture('instance-v2') as { configuration: { urls: Record<string, unknown> } };
  raw.configuration.urls = { ...raw.configuration.urls, streaming: streaming ?? undefined };
  return InstanceV2Schema.parse(raw);
}

describe('Mastodon streaming host', () => {
  it.each([
    [
      'the documented separate host',
      'https://mastodon.social',
      'wss://streaming.mastodon.social',
      'wss://streaming.mastodon.social',
    ],
    [
      'a sibling under the same domain',
      'https://social.example.org',
      'wss://streaming.example.org',
      'wss://streaming.example.org',
    ],
    ['the domain itself', 'https://social.example.org', 'wss://example.org', 'wss://example.org'],
    [
      'under a country second level',
      'https://social.example.co.uk',
      'wss://stream.example.co.uk',
      'wss://stream.example.co.uk',
    ],
    ['a port on the same host', 'https://m.example', 'wss://m.example:4000', 'wss://m.example:4000'],
    [
      'ws upgraded to wss for an https instance',
      'https://m.example',
      'ws://streaming.m.example',
      'wss://streaming.m.example',
    ],
    [
      'http upgraded to wss for an https instance',
      'https://m.example',
      'http://m.example',
      'wss://m.example',
    ],
    [
      'plain ws for a loopback http instance',
      'http://127.0.0.1:3000',
      'ws://127.0.0.1:4000',
      'ws://127.0.0.1:4000',
    ],
  ])('streams to %s', (_name, origin, declared, expected) => {
    expect(streamingBaseUrl(instanceDeclaring(declared), origin)).toBe(expected);
  });

  it.each([
    ['another domain', 'https://mastodon.social', 'wss://streaming.evil.example', 'wss://mastodon.social'],
    [
      'a look-alike suffix',
      'https://mastodon.social',
      'wss://mastodon.social.evil.example',
      'wss://mastodon.social',
    ],
    [
      'a neighbour under a public second level',
      'https://example.co.uk',
      'wss://evil.co.uk',
      'wss://example.co.uk',
    ],
    ['an IP address', 'https://m.example', 'wss://203.0.113.9', 'wss://m.example'],
    ['loopback from a public instance', 'https://m.example', 'ws://127.0.0.1:4000', 'wss://m.example'],
    ['credentials in the URL', 'https://m.example', 'wss://user:pw@streaming.m.example', 'wss://m.example'],
    ['another scheme', 'https://m.example', 'ftp://streaming.m.example', 'wss://m.example'],
    ['nothing declared', 'https://m.example', null, 'wss://m.example'],
  ])('keeps the token off %s', (_name, origin, declared, expected) => {
    expect(streamingBaseUrl(instanceDeclaring(declared), origin)).toBe(expected);
  });

  it('builds the stream URL on the chosen host only', () => {
    const base = streamingBaseUrl(instanceDeclaring('wss://streaming.evil.example'), 'https://m.example');
    expect(new URL(streamingUrl(base, 'user')).host).toBe('m.example');
  });

  it.each([
    ['streaming.mastodon.social', 'mastodon.social'],
    ['a.b.example.co.uk', 'example.co.uk'],
    ['m.example.com.au', 'example.com.au'],
    ['example.io', 'example.io'],
  ])('%s belongs to %s', (host, site) => {
    expect(registrableDomain(host)).toBe(site);
  });
});
