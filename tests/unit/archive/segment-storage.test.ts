// How the search index's segments are stored: token sequences as varints, a batch's memberships by position
// in its own keys, segments written in the older plain form still loading as before, and the post
// references deletions find documents by.
import { describe, expect, test } from 'vitest';
import { compileQuery } from '../../../src-renderer/archive/search/compile-query.ts';
import { legacyDeletionTerm, postRef } from '../../../src-renderer/archive/ingest/item-doc.ts';
import { FIELD_BREAK, packSeq, unpackSeq } from '../../../src-renderer/archive/segments/packed-seq.ts';
import { SearchIndex, type DocInput } from '../../../src-renderer/archive/search/search-index.ts';
import type { IndexSegmentRow } from '../../../src-renderer/db/archive-rows.ts';
import { rng } from '../../bench/support/generate-items.ts';

function doc(n: number, text = `word${n} common refund late`): DocInput {
  return {
    key: `mastodon:status-${n}`,
    texts: [text, `#tag${n % 4}`],
    ref: 0,
    sortTime: 2_000_000 + n,
    attrs: ['mastodon', 'acct-2', `author-${n % 5}`, `author${n % 5}.test`, 'en'],
    sentiment: 0,
  };
}

const keysFor = (index: SearchIndex, text: string): string[] =>
  index.search(compileQuery({ text }), 1_000).map((d) => index.keyOf(d));

describe('packed token sequences', () => {
  test('ids of every size and field breaks survive a round trip', () => {
    const random = rng(7);
    const seq = [0, 1, 126, 127, 128, 16_383, 16_384, 2 ** 21, 2 ** 28, 2 ** 32 - 2, FIELD_BREAK, 5];
    for (let i = 0; i < 5_000; i++) {
      const size = random();
      seq.push(random() < 0.05 ? FIELD_BREAK : Math.floor(random() * (size < 0.9 ? 300 : 4_000_000)));
    }
    const packed = packSeq(seq);
    expect(Array.from(unpackSeq(packed, seq.length))).toEqual(seq);
    // Small ids dominate real text, so the packed form is far smaller than four bytes per token.
    expect(packSeq([1, 2, 3, FIELD_BREAK, 100]).length).toBe(5);
  });

  test('a truncated or overlong buffer is reported as damaged, not decoded into garbage', () => {
    const packed = packSeq([5, 300, 70_000]);
    expect(() => unpackSeq(packed.subarray(0, packed.length - 1), 3)).toThrow(/damaged/);
    expect(() => unpackSeq(packed, 2)).toThrow(/damaged/);
    expect(() => unpackSeq(Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0xff, 0x01), 1)).toThrow(/damaged/);
  });
});

describe('stored segments', () => {
  test('a batch stores its keys once: memberships of its own items point at them', () => {
    const index = new SearchIndex();
    index.beginSegment();
    for (let n = 0; n < 3; n++) index.addDoc(doc(n));
    index.join('column-a', [doc(0).key, doc(1).key, doc(2).key]);
    index.join('column-b', [doc(1).key, 'mastodon:kept-from-before']);
    const row = index.finishSegment() as IndexSegmentRow;
    expect(row.seq).toBeUndefined();
    expect(row.packedSeq).toBeInstanceOf(Uint8Array);
    // Attributes are varints too: five small ids take a byte or two each, not four.
    expect(row.attrs).toBeUndefined();
    expect(row.packedAttrs?.length).toBeLessThan(3 * 5 * 2);
    const [a, b] = row.members ?? [];
    expect(a?.added).toEqual([]);
    expect(Array.from(a?.addedAt ?? [])).toEqual([0, 1, 2]);
    expect(b?.added).toEqual(['mastodon:kept-from-before']);
    expect(Array.from(b?.addedAt ?? [])).toEqual([1]);

    const loaded = new SearchIndex();
    loaded.load([row]);
    expect(loaded.columnPage('column-a', 0, 10)).toEqual(index.columnPage('column-a', 0, 10));
    expect(loaded.columnsOf(doc(1).key)).toEqual(['column-a', 'column-b']);
    expect(keysFor(loaded, '"refund late"')).toEqual(keysFor(index, '"refund late"'));
    expect(keysFor(loaded, 'word2')).toEqual([doc(2).key]);
  });

  test('segments in the plain form of earlier versions load next to packed ones', () => {
    const plain: IndexSegmentRow = {
      termBase: 0,
      newTerms: [
        'old',
        'post',
        '\u0001net:rss',
        '\u0001acc:',
        '\u0001aid:feed',
        '\u0001ah:feed',
        '\u0001lang:en',
      ],
      docIds: Uint32Array.of(0),
      keys: ['rss:old-entry'],
      seqOffsets: Uint32Array.of(0, 3),
      seq: Uint32Array.of(0, FIELD_BREAK, 1),
      sortTime: Float64Array.of(1_000),
      attrs: Uint32Array.of(2, 3, 4, 5, 6),
      sentiment: Int8Array.of(0),
      deleted: new Uint32Array(0),
      members: [{ column: 'feed', added: ['rss:old-entry'], removed: [] }],
    };
    const index = new SearchIndex();
    index.load([plain]);
    index.beginSegment();
    index.addDoc(doc(1, 'new post'));
    index.join('feed', [doc(1).key]);
    const packed = index.finishSegment() as IndexSegmentRow;

    const reopened = new SearchIndex();
    reopened.load([plain, packed]);
    expect(keysFor(reopened, 'post')).toEqual([doc(1).key, 'rss:old-entry']);
    // The field break still stops a phrase from running across fields.
    expect(keysFor(reopened, '"old post"')).toEqual([]);
    expect(reopened.columnPage('feed', 0, 10)).toEqual([doc(1).key, 'rss:old-entry']);
  });

  test('a segment whose memberships point past its keys is refused', () => {
    const index = new SearchIndex();
    index.beginSegment();
    index.addDoc(doc(0));
    index.join('column-a', [doc(0).key]);
    const row = index.finishSegment() as IndexSegmentRow;
    const damaged = {
      ...row,
      members: [{ column: 'column-a', added: [], addedAt: Uint32Array.of(4), removed: [] }],
    };
    expect(() => new SearchIndex().load([damaged])).toThrow(/missing document/);
  });
});

describe('post references for deletions', () => {
  const ref = (n: number): DocInput => ({
    ...doc(n),
    ref: postRef('mastodon', 'acct-2', `status-${n % 3}`),
  });

  test('are stored per document and found again after a reload and a compaction', () => {
    const index = new SearchIndex();
    index.beginSegment();
    for (let n = 0; n < 6; n++) index.addDoc(ref(n));
    index.addDoc({ ...doc(9), ref: 0 });
    const row = index.finishSegment() as IndexSegmentRow;
    expect(Array.from(row.refs ?? [])).toEqual([0, 1, 2, 3, 4, 5, 9].map((n) => (n === 9 ? 0 : ref(n).ref)));
    // Nothing of the reference reaches the dictionary: it costs four bytes per document, not a term.
    expect(row.newTerms.some((term) => term.includes('status-'))).toBe(false);

    const wanted = new Set([postRef('mastodon', 'acct-2', 'status-1')]);
    const expected = [doc(1).key, doc(4).key];
    expect(index.liveKeysPointingAt(wanted, []).sort()).toEqual(expected);
    const reloaded = new SearchIndex();
    reloaded.load([row]);
    expect(reloaded.liveKeysPointingAt(wanted, []).sort()).toEqual(expected);
    const compacted = new SearchIndex();
    compacted.load(reloaded.snapshot(2));
    expect(compacted.liveKeysPointingAt(wanted, []).sort()).toEqual(expected);
    // A document without a post (RSS) is never matched, and dead documents are not returned.
    expect(compacted.liveKeysPointingAt(new Set([0]), [])).toEqual([]);
    compacted.beginSegment();
    compacted.removeKeys([doc(1).key]);
    compacted.finishSegment();
    expect(compacted.liveKeysPointingAt(wanted, [])).toEqual([doc(4).key]);
  });

  test('documents of earlier segments are still found by the hidden deletion term they carry', () => {
    const term = legacyDeletionTerm('mastodon', 'acct-1', '77');
    const old: IndexSegmentRow = {
      termBase: 0,
      newTerms: [
        'boost',
        term,
        '\u0001net:mastodon',
        '\u0001acc:acct-1',
        '\u0001aid:a',
        '\u0001ah:a',
        '\u0001lang:en',
      ],
      docIds: Uint32Array.of(0, 1),
      keys: ['mastodon:boost-of-77', 'mastodon:other'],
      seqOffsets: Uint32Array.of(0, 3, 4),
      seq: Uint32Array.of(0, FIELD_BREAK, 1, 0),
      sortTime: Float64Array.of(1_000, 2_000),
      attrs: Uint32Array.of(2, 3, 4, 5, 6, 2, 3, 4, 5, 6),
      sentiment: Int8Array.of(0, 0),
      deleted: new Uint32Array(0),
    };
    const index = new SearchIndex();
    index.load([old]);
    expect(index.liveKeysPointingAt(new Set(), [term])).toEqual(['mastodon:boost-of-77']);
    expect(index.liveKeysPointingAt(new Set(), [legacyDeletionTerm('mastodon', 'acct-1', '78')])).toEqual([]);
  });
});

describe('documents added again', () => {
  test('an unchanged one keeps its id and stores nothing; a changed one replaces it', () => {
    const index = new SearchIndex();
    index.beginSegment();
    const first = index.addDoc(doc(1, 'heron on the pier'));
    const second = index.addDoc(doc(2, 'gull on the roof'));
    index.finishSegment();

    index.beginSegment();
    expect(index.addDoc(doc(1, 'heron on the pier'))).toBe(first);
    expect(index.finishSegment()).toBeNull();

    index.beginSegment();
    // Unchanged, then changed, in one batch: the unchanged one's tokens must not leak into the next.
    expect(index.addDoc(doc(2, 'gull on the roof'))).toBe(second);
    const replaced = index.addDoc(doc(1, 'heron left the pier'));
    const row = index.finishSegment() as IndexSegmentRow;
    expect(replaced).not.toBe(first);
    expect(Array.from(row.deleted)).toEqual([first]);
    expect(row.keySuffixes).toEqual(['status-1']);
    expect(keysFor(index, '"heron left"')).toEqual([doc(1).key]);
    expect(keysFor(index, '"heron on"')).toEqual([]);
    expect(keysFor(index, 'roof')).toEqual([doc(2).key]);

    const reloaded = new SearchIndex();
    reloaded.load(index.snapshot(10));
    expect(keysFor(reloaded, '"heron left the pier"')).toEqual([doc(1).key]);
    expect(keysFor(reloaded, 'gull')).toEqual([doc(2).key]);
  });
});

describe('stored keys', () => {
  const shapes = [
    'bluesky:at://did:plc:abc/app.bsky.feed.post/3kabc',
    'bluesky:at://did:plc:abc/app.bsky.feed.post/3kabd',
    'mastodon:https://social.example/users/alice/statuses/110000000001',
    'mastodon:https://social.example/users/alice/statuses/',
    'rss:https://exemple.fr/flux/été-2026?id=4#frag',
    'rss:urn:uuid:1234',
    'rss:',
    'mastodon:😀/🦩',
  ];

  test('every key shape survives a segment round trip, and its prefix is stored once', () => {
    const index = new SearchIndex();
    index.beginSegment();
    shapes.forEach((key, n) => index.addDoc({ ...doc(n), key }));
    index.join('all', shapes);
    const first = index.finishSegment() as IndexSegmentRow;
    index.beginSegment();
    const later = 'bluesky:at://did:plc:abc/app.bsky.feed.post/3kxyz';
    index.addDoc({ ...doc(20), key: later });
    index.join('all', [later]);
    const second = index.finishSegment() as IndexSegmentRow;
    expect(first.keys).toBeUndefined();
    expect(first.keySuffixes?.[0]).toBe('3kabc');
    // The author's prefix came with the first segment; the second only refers to it.
    expect(second.newKeyPrefixes).toEqual([]);
    expect(second.keySuffixes).toEqual(['3kxyz']);

    const loaded = new SearchIndex();
    loaded.load([first, second]);
    for (const key of [...shapes, later]) expect(loaded.docOf(key)).toBe(index.docOf(key));
    expect(loaded.columnPage('all', 0, 20).sort()).toEqual([...shapes, later].sort());
    const compacted = new SearchIndex();
    compacted.load(loaded.snapshot(3));
    expect(compacted.columnPage('all', 0, 20).sort()).toEqual([...shapes, later].sort());
    expect(keysFor(compacted, 'word20')).toEqual([later]);
  });

  test('segments with whole keys load before and between ones with prefixes', () => {
    const old = new SearchIndex();
    old.beginSegment();
    old.addDoc(doc(1));
    const packed = old.finishSegment() as IndexSegmentRow;
    const { keyPrefixBase, newKeyPrefixes, keyPrefixes, keySuffixes, ...rest } = packed;
    expect([keyPrefixBase, newKeyPrefixes?.length, keyPrefixes?.length, keySuffixes?.length]).toEqual([
      0, 1, 1, 1,
    ]);
    const wholeKeys: IndexSegmentRow = { ...rest, keys: [doc(1).key] };
    const index = new SearchIndex();
    index.load([wholeKeys]);
    index.beginSegment();
    index.addDoc(doc(2));
    const next = index.finishSegment() as IndexSegmentRow;
    expect(next.keyPrefixBase).toBe(0);
    const reopened = new SearchIndex();
    reopened.load([wholeKeys, next]);
    expect(keysFor(reopened, 'common')).toEqual([doc(2).key, doc(1).key]);
    expect(() => new SearchIndex().load([{ ...rest }])).toThrow(/no document keys/);
  });
});
