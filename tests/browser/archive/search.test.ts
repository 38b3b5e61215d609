// Search through the archive worker in real Chromium: words, phrases, accent folding, every filter of
// ArchiveQuery, and an index that survives closing and reopening without re-reading the items.
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { ArchiveQuery } from '../../../src-renderer/archive/archive-port.ts';
import { createArchive } from '../../../src-renderer/archive/create-archive.ts';
import { openRoostDb } from '../../../src-renderer/db/roost-db.ts';
import { daysAgo, makeItem, uniqueDbName } from './make-item.ts';

type Archive = ReturnType<typeof createArchive>;
const open: Archive[] = [];
function start(dbName: string): Archive {
  const archive = createArchive({ dbName });
  open.push(archive);
  return archive;
}
afterEach(() => {
  for (const a of open.splice(0)) a.close();
});

const ITEMS = [
  makeItem({
    id: 'p1',
    text: 'Rendez-vous au café du port ce soir',
    lang: 'fr',
    createdAt: daysAgo(1),
    handle: 'marie.example',
  }),
  makeItem({ id: 'p2', text: 'The new release is out: I love it, wonderful work!', createdAt: daysAgo(2) }),
  makeItem({
    id: 'p3',
    text: 'This release is new but the bugs are terrible and awful',
    createdAt: daysAgo(3),
  }),
  makeItem({
    id: 'p4',
    text: 'Cafe opening hours changed #Rennes',
    network: 'mastodon',
    accountId: 'acct-2',
    createdAt: daysAgo(4),
    handle: 'bob@social.example',
    authorId: 'https://social.example/users/bob',
  }),
  makeItem({
    id: 'p5',
    text: 'Weekly digest of the new release notes',
    network: 'rss',
    accountId: null,
    lang: null,
    title: 'Release digest',
    createdAt: daysAgo(10),
    handle: 'feed.example',
  }),
];

const keysOf = async (archive: Archive, query: ArchiveQuery): Promise<string[]> =>
  (await archive.search(query)).map((h) => h.item.remoteId);

// Language and sentiment come from the text worker on machines with cores to spare, and from the archive
// worker itself otherwise: both must index the same.
describe.each([true, false])('search (text worker: %s)', (textWorker) => {
  let archive: Archive;
  beforeAll(async () => {
    archive = createArchive({ dbName: uniqueDbName('search'), textWorker });
    await archive.setRetention({ maxItemsPerColumn: 100, maxAgeDays: 365 });
    await archive.ingest('home', ITEMS);
    return () => archive.close();
  });

  test('finds words case- and accent-insensitively, newest first', async () => {
    expect(await keysOf(archive, { text: 'cafe' })).toEqual(['p1', 'p4']);
    expect(await keysOf(archive, { text: 'CAFÉ' })).toEqual(['p1', 'p4']);
    expect(await keysOf(archive, { text: 'release' })).toEqual(['p2', 'p3', 'p5']);
    expect(await keysOf(archive, { text: 'release bugs' })).toEqual(['p3']);
    expect(await keysOf(archive, { text: 'nowhere' })).toEqual([]);
  });

  test('hashtags match as a tag and as a bare word; titles are searched', async () => {
    expect(await keysOf(archive, { text: '#rennes' })).toEqual(['p4']);
    expect(await keysOf(archive, { text: 'rennes' })).toEqual(['p4']);
    expect(await keysOf(archive, { text: 'digest' })).toEqual(['p5']);
  });

  test('quoted phrases need the words side by side and in order', async () => {
    expect(await keysOf(archive, { text: '"new release"' })).toEqual(['p2', 'p5']);
    expect(await keysOf(archive, { text: '"release is new"' })).toEqual(['p3']);
    expect(await keysOf(archive, { text: '"new release" love' })).toEqual(['p2']);
    expect(await keysOf(archive, { text: '"café du port"' })).toEqual(['p1']);
    expect(await keysOf(archive, { text: '"release new"' })).toEqual([]);
  });

  test('filters by network, account, author, date range, language and sentiment', async () => {
    expect(await keysOf(archive, { text: 'release', networks: ['rss'] })).toEqual(['p5']);
    expect(await keysOf(archive, { text: '', networks: ['mastodon', 'rss'] })).toEqual(['p4', 'p5']);
    expect(await keysOf(archive, { text: 'cafe', accountIds: ['acct-2'] })).toEqual(['p4']);
    expect(await keysOf(archive, { text: '', accountIds: ['nobody'] })).toEqual([]);
    expect(await keysOf(archive, { text: '', author: '@Marie.Example' })).toEqual(['p1']);
    expect(await keysOf(archive, { text: 'cafe', author: 'https://social.example/users/bob' })).toEqual([
      'p4',
    ]);
    expect(await keysOf(archive, { text: '', from: daysAgo(3.5), to: daysAgo(1.5) })).toEqual(['p2', 'p3']);
    expect(await keysOf(archive, { text: 'release', to: daysAgo(5) })).toEqual(['p5']);
    expect(await keysOf(archive, { text: '', languages: ['fr'] })).toEqual(['p1']);
    // p5 came without a language tag: the guesser calls it English.
    expect(await keysOf(archive, { text: 'release', languages: ['en'] })).toEqual(['p2', 'p3', 'p5']);
    expect(await keysOf(archive, { text: 'release', sentiments: ['positive'] })).toEqual(['p2']);
    expect(await keysOf(archive, { text: 'release', sentiments: ['negative'] })).toEqual(['p3']);
    expect(await keysOf(archive, { text: 'release', sentiments: ['neutral', 'negative'] })).toEqual([
      'p3',
      'p5',
    ]);
  });

  test('an empty query lists the newest items; the limit applies', async () => {
    expect(await keysOf(archive, { text: '', limit: 2 })).toEqual(['p1', 'p2']);
    const [hit] = await archive.search({ text: 'digest' });
    expect(hit?.columnKeys).toEqual(['home']);
    expect(hit?.item).toEqual(ITEMS[4]);
  });
});

describe('persistence', () => {
  test('the index survives closing and reopening without reading the items back', async () => {
    const name = uniqueDbName('persist');
    const first = start(name);
    await first.setRetention({ maxItemsPerColumn: 100, maxAgeDays: 365 });
    await first.ingest('a', ITEMS);
    await first.ingest('b', [ITEMS[0]!]);
    await first.clearColumn('a');
    await first.whenIdle();
    first.close();

    const second = start(name);
    const stats = await second.stats();
    expect(stats.indexLoad.source).toBe('segments');
    expect(stats.indexLoad.itemsRead).toBe(0);
    expect(stats.indexLoad.segmentsRead).toBeGreaterThan(0);
    expect(stats.liveItems).toBe(1);
    // Column membership is persisted with the index too.
    expect(stats.memberships).toBe(1);
    expect((await second.loadColumn('b', 10)).map((i) => i.remoteId)).toEqual(['p1']);
    expect(await second.loadColumn('a', 10)).toEqual([]);
    expect(await keysOf(second, { text: 'cafe' })).toEqual(['p1']);
    expect(await keysOf(second, { text: '"port ce soir"', languages: ['fr'] })).toEqual(['p1']);
    expect(await keysOf(second, { text: 'release' })).toEqual([]);

    // Ingest continues from where the stored index stopped.
    await second.ingest('a', [makeItem({ id: 'p6', text: 'Another café review', createdAt: daysAgo(0.5) })]);
    expect(await keysOf(second, { text: 'cafe' })).toEqual(['p6', 'p1']);
    second.close();
    const third = start(name);
    expect(await keysOf(third, { text: 'cafe review' })).toEqual(['p6']);
    expect((await third.stats()).indexLoad.source).toBe('segments');
  });

  test('a large batch is stored as several segments, each small enough to stay out of blob files', async () => {
    const name = uniqueDbName('segments');
    const first = start(name);
    const words = 'harbour ferry timetable delayed again because of the storm tonight'.split(' ');
    const batch = Array.from({ length: 1_000 }, (_, n) =>
      makeItem({
        id: `long-${n}`,
        // ~120 tokens per post, one word of its own each.
        text: `${Array.from({ length: 120 }, (_, w) => words[(n + w) % words.length]).join(' ')} unique${n}`,
        createdAt: daysAgo(n / 1_000),
      }),
    );
    await first.ingest('port', batch);
    await first.whenIdle();
    const written = (await first.stats()).segments;
    expect(written).toBeGreaterThan(3);
    first.close();

    const db = await openRoostDb({ name });
    const rows = await db.indexSegments.toArray();
    db.close();
    expect(rows).toHaveLength(written);
    for (const row of rows) {
      const bytes =
        (row.packedSeq?.byteLength ?? 0) +
        (row.keyPrefixes?.byteLength ?? 0) +
        (row.keySuffixes ?? []).join('').length +
        (row.newKeyPrefixes ?? []).join('').length +
        row.newTerms.join('').length;
      expect(bytes).toBeLessThan(60 * 1024);
    }
    const second = start(name);
    expect((await second.stats()).indexLoad).toMatchObject({ source: 'segments', itemsRead: 0 });
    expect(await keysOf(second, { text: 'unique999' })).toEqual(['long-999']);
    expect(await keysOf(second, { text: 'unique0' })).toEqual(['long-0']);
    expect(await second.loadColumn('port', 2_000)).toHaveLength(1_000);
  });
});
