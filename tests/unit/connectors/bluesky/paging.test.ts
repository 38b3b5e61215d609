// Positions and gap detection on hand-made entries: what is kept, when a gap is reported, what is newest.
import { describe, expect, it } from 'vitest';
import { decodePosition, encodePosition, toPage } from '../../../../src-main/connectors/bluesky/paging.ts';
import type { Entry } from '../../../../src-main/connectors/bluesky/paging.ts';
import { feedViewPostToEntry } from '../../../../src-main/connectors/bluesky/normalise-feed.ts';
import { normaliseContext, postView } from './fixtures.ts';

/** Entries newest first, one minute apart, keys k9..k0. */
const entries: Entry[] = Array.from({ length: 10 }, (_, i) => {
  const n = 9 - i;
  const at = new Date(Date.UTC(2026, 2, 1, 10, n)).toISOString();
  return feedViewPostToEntry(
    { post: postView({ rkey: `3lkey${n}`.padEnd(13, '2'), indexedAt: at }) },
    normaliseContext,
  )!;
});
const keyOf = (n: number) => entries[9 - n]!.item.key;

describe('toPage', () => {
  it('returns everything with no `since`, and the newest position', () => {
    const page = toPage({ entries, cursor: 'next', rateLimit: null }, null);
    expect(page.items).toHaveLength(10);
    expect(page.gap).toBe(false);
    expect(page.older).toBe('next');
    expect(page.newest).toBe(encodePosition(entries[0]!));
  });

  it('keeps only what is newer than `since`, found by key', () => {
    const since = encodePosition(entries[4]!);
    const page = toPage({ entries, cursor: 'next', rateLimit: null }, since);
    expect(page.items.map((i) => i.key)).toEqual([9, 8, 7, 6].map(keyOf));
    expect(page.gap).toBe(false);
  });

  it('stops at an older time when the held item itself is gone (deleted)', () => {
    const since = `${new Date(Date.UTC(2026, 2, 1, 10, 5, 30)).toISOString()} bluesky:at://deleted`;
    const page = toPage({ entries, cursor: 'next', rateLimit: null }, since);
    expect(page.items.map((i) => i.key)).toEqual([9, 8, 7, 6].map(keyOf));
    expect(page.gap).toBe(false);
  });

  it('reports a gap when the page has more behind it and never reached `since`', () => {
    const since = `${new Date(Date.UTC(2026, 2, 1, 9, 0)).toISOString()} bluesky:at://held`;
    expect(toPage({ entries, cursor: 'next', rateLimit: null }, since).gap).toBe(true);
    // No cursor: the server has nothing more, so nothing was skipped.
    expect(toPage({ entries, cursor: null, rateLimit: null }, since).gap).toBe(false);
  });

  it('answers an empty page when nothing is new', () => {
    const page = toPage({ entries, cursor: 'next', rateLimit: null }, encodePosition(entries[0]!));
    expect(page).toMatchObject({ items: [], newest: null, gap: false });
  });

  it('decodes positions, bare times and bare keys', () => {
    expect(decodePosition('2026-03-01T10:00:00.000Z bluesky:at://a b')).toEqual({
      sortAtMs: Date.UTC(2026, 2, 1, 10),
      key: 'bluesky:at://a b',
    });
    expect(decodePosition('2026-03-01T10:00:00.000Z')).toEqual({
      sortAtMs: Date.UTC(2026, 2, 1, 10),
      key: '',
    });
    expect(decodePosition('bluesky:at://a')).toEqual({ sortAtMs: null, key: 'bluesky:at://a' });
  });
});
