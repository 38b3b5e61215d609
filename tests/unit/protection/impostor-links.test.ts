// Impostor matching (handles and display names confusable with a connected account's) and the flags put on
// links in incoming items (block list, look-alikes of organisation domains), as main computes them at ingest.
import { describe, expect, it } from 'vitest';
import { parseBlockList } from '../../../src-shared/guards/block-list.ts';
import { findImpostor } from '../../../src-shared/protection/impostor.ts';
import { flagItem, itemLinks } from '../../../src-shared/protection/item-flags.ts';
import { flagLinks } from '../../../src-shared/protection/link-flags.ts';
import { contentlessItem, type StreamItem } from '../../../src-shared/domain/stream-item.ts';

const brands = [
  { handle: 'acme.bsky.social', displayName: 'Acme Support', id: 'did:plc:acme' },
  { handle: 'news@mastodon.example', displayName: 'Acme News', id: 'https://mastodon.example/users/news' },
];

describe('findImpostor', () => {
  it.each([
    ['acme-bsky.social', 'handle'],
    ['acme-bsky-social.test', 'handle'],
    ['acme.bsky.social.evil.test', 'handle'],
    ['аcme.bsky.social', 'handle'], // Cyrillic а
    ['xn--cme-5cd.bsky.social', 'handle'], // Punycode with a Cyrillic а
    ['acrne.bsky.social', 'handle'], // rn for m
  ])('flags the handle %s', (handle, reason) => {
    expect(findImpostor({ handle, displayName: 'Someone' }, brands)).toEqual({
      imitates: 'acme.bsky.social',
      reason,
    });
  });

  it('flags a display name confusable with a brand’s, whatever the handle', () => {
    expect(findImpostor({ handle: 'x.test', displayName: 'Acme  Supp0rt' }, brands)).toEqual({
      imitates: 'acme.bsky.social',
      reason: 'display-name',
    });
    expect(findImpostor({ handle: 'y@evil.example', displayName: 'ACME News' }, brands)).toEqual({
      imitates: 'news@mastodon.example',
      reason: 'display-name',
    });
  });

  it('does not flag the brand itself, nor ordinary people', () => {
    expect(findImpostor({ handle: 'acme.bsky.social', displayName: 'Acme Support' }, brands)).toBeNull();
    expect(findImpostor({ handle: '@News@mastodon.example', displayName: 'Acme News' }, brands)).toBeNull();
    expect(findImpostor({ handle: 'alice.test', displayName: 'Alice' }, brands)).toBeNull();
    expect(findImpostor({ handle: 'acmefan.test', displayName: 'Fan of Acme' }, brands)).toBeNull();
  });
});

describe('link flags', () => {
  const rules = { blockList: parseBlockList('evil.example\n'), orgDomains: ['acme.com'] };

  it('flags blocked hosts and look-alikes of organisation domains, once each', () => {
    expect(
      flagLinks(
        [
          'https://login.evil.example/x',
          'https://acme-com.net/login',
          'https://acme.com/ok',
          'https://shop.acme.com/',
          'https://login.evil.example/x',
        ],
        rules,
      ),
    ).toEqual([
      {
        url: 'https://login.evil.example/x',
        host: 'login.evil.example',
        reason: 'blocked',
        detail: 'evil.example',
      },
      { url: 'https://acme-com.net/login', host: 'acme-com.net', reason: 'lookalike', detail: 'acme.com' },
    ]);
  });

  it('reads links from facets and from text written out, and flags the item', () => {
    const base = contentlessItem(
      {
        key: 'bluesky:at://x',
        network: 'bluesky',
        accountId: 'a1',
        kind: 'mention',
        remoteId: 'at://x',
        actionRef: null,
        url: null,
        author: {
          id: 'did:plc:imp',
          handle: 'acme-bsky.social',
          displayName: 'Acme',
          avatarUrl: null,
          profileUrl: null,
          server: null,
          location: null,
        },
      },
      { createdAt: '2026-12-07T10:00:00Z', seenAt: '2026-12-07T10:00:00Z' },
    );
    const item: StreamItem = {
      ...base,
      text: 'Verify here: https://acme.com.verify.test/x). Thanks',
      facets: [{ kind: 'link', start: 0, end: 4, value: 'https://evil.example/y' }],
    };
    expect(itemLinks(item)).toEqual(['https://evil.example/y', 'https://acme.com.verify.test/x']);
    expect(flagItem(item, { ...rules, brands })).toEqual({
      impostor: { imitates: 'acme.bsky.social', reason: 'handle' },
      links: [
        { url: 'https://evil.example/y', host: 'evil.example', reason: 'blocked', detail: 'evil.example' },
        {
          url: 'https://acme.com.verify.test/x',
          host: 'acme.com.verify.test',
          reason: 'lookalike',
          detail: 'acme.com',
        },
      ],
    });
    const harmless = {
      ...item,
      author: { ...item.author, handle: 'bob.test', displayName: 'Bob' },
      text: '',
      facets: [],
    };
    expect(flagItem(harmless, { ...rules, brands })).toBeNull();
  });
});
