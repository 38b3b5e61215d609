// Compaction of the archive's search index: what is loaded back answers like the index it came from,
// and is sized by the live documents only (numbering and dictionary start again).
import { describe, expect, test } from 'vitest';
import { compileQuery } from '../../../src-renderer/archive/search/compile-query.ts';
import type { ArchiveQuery } from '../../../src-renderer/archive/archive-port.ts';
import { SearchIndex, type DocInput } from '../../../src-renderer/archive/search/search-index.ts';

function doc(n: number): DocInput {
  return {
    key: `bluesky:post-${n}`,
    // Every post brings a word no other post has, as real posts do (names, numbers, tags).
    texts: [`word${n} common ${n % 2 === 0 ? 'even' : 'odd'} refund late`, `#tag${n}`],
    ref: 0,
    sortTime: 1_000_000 + n,
    attrs: ['bluesky', 'acct-1', `did:author-${n % 3}`, `author${n % 3}.test`, n % 2 === 0 ? 'en' : 'fr'],
    sentiment: n % 3 === 0 ? -1 : 1,
  };
}

function filled(count: number): SearchIndex {
  const index = new SearchIndex();
  index.beginSegment();
  for (let n = 0; n < count; n++) index.addDoc(doc(n));
  index.join(
    'column-a',
    Array.from({ length: count }, (_, n) => doc(n).key),
  );
  index.finishSegment();
  return index;
}

const keysFor = (index: SearchIndex, query: ArchiveQuery): string[] =>
  index.search(compileQuery(query), 1_000).map((d) => index.keyOf(d));

describe('SearchIndex.snapshot', () => {
  test('a compacted index answers every kind of query as the original did', () => {
    const index = filled(300);
    index.beginSegment();
    const removed = Array.from({ length: 200 }, (_, n) => doc(n).key);
    index.leaveColumn('column-a', removed);
    index.removeKeys(removed);
    index.finishSegment();

    const compacted = new SearchIndex();
    compacted.load(index.snapshot(40));
    const queries: ArchiveQuery[] = [
      { text: 'common' },
      { text: 'word250' },
      { text: 'word10' },
      { text: '"refund late"' },
      { text: 'even', languages: ['fr'] },
      { text: 'odd', languages: ['fr'] },
      { text: 'refund', author: 'author1.test' },
      { text: 'rennes' },
      { text: 'tag260' },
      { text: '', sentiments: ['negative'] },
    ];
    for (const query of queries) expect(keysFor(compacted, query)).toEqual(keysFor(index, query));
    expect(keysFor(compacted, { text: 'word250' })).toEqual(['bluesky:post-250']);
    expect(keysFor(compacted, { text: 'common' })).toHaveLength(100);
    expect(compacted.columnPage('column-a', 0, 3)).toEqual(index.columnPage('column-a', 0, 3));
    expect(compacted.columnSize('column-a')).toBe(100);
    expect(compacted.docOf('bluesky:post-5')).toBeUndefined();
  });

  test('the compacted index keeps only live documents and the terms they use', () => {
    const index = filled(300);
    index.beginSegment();
    index.removeKeys(Array.from({ length: 200 }, (_, n) => doc(n).key));
    index.finishSegment();
    const before = index.stats();

    const compacted = new SearchIndex();
    compacted.load(index.snapshot(40));
    const after = compacted.stats();
    expect(after.docs).toBe(100);
    expect(after.liveDocs).toBe(100);
    expect(compacted.deadDocs).toBe(0);
    // 300 posts × 2 unique words before; the 100 live ones keep theirs, the rest of the dictionary goes.
    expect(before.terms).toBeGreaterThan(600);
    expect(after.terms).toBeLessThan(before.terms - 350);
    expect(after.terms).toBeGreaterThanOrEqual(200);
  });

  test('a compacted index keeps indexing new documents after it', () => {
    const index = filled(50);
    index.beginSegment();
    index.removeKeys(Array.from({ length: 25 }, (_, n) => doc(n).key));
    index.finishSegment();
    const compacted = new SearchIndex();
    compacted.load(index.snapshot(10));
    compacted.beginSegment();
    compacted.addDoc(doc(1_000));
    compacted.addDoc(doc(30));
    compacted.finishSegment();
    expect(keysFor(compacted, { text: 'word1000' })).toEqual(['bluesky:post-1000']);
    expect(keysFor(compacted, { text: 'word30' })).toEqual(['bluesky:post-30']);
    expect(keysFor(compacted, { text: 'common' })).toHaveLength(26);
  });
});
