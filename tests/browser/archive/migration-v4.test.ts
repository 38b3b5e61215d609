// Schema v3 → v4 over real IndexedDB: a v3 archive (item rows with six indexes, columnItems rows, index
// segments without memberships) is upgraded; memberships move into a segment and everything still works.
import { afterEach, expect, test } from 'vitest';
import { createArchive } from '../../../src-renderer/archive/create-archive.ts';
import { describeItem } from '../../../src-renderer/archive/ingest/item-doc.ts';
import { SearchIndex } from '../../../src-renderer/archive/search/search-index.ts';
import type { IndexSegmentRow } from '../../../src-renderer/db/archive-rows.ts';
import { openRoostDb, type RoostDb } from '../../../src-renderer/db/roost-db.ts';
import { SCHEMA_VERSIONS } from '../../../src-renderer/db/schema.ts';
import { daysAgo, makeItem, uniqueDbName } from './make-item.ts';

let db: RoostDb | null = null;
const archives: ReturnType<typeof createArchive>[] = [];
afterEach(() => {
  db?.close();
  db = null;
  for (const a of archives.splice(0)) a.close();
});

/** v3's column sort key, written out here because v4 no longer produces it. */
const v3SortKey = (time: number, key: string): string =>
  `${String(9e15 - Math.round(time)).padStart(16, '0')}|${key}`;

const ITEMS = [
  makeItem({ id: 'k1', text: 'kettle one', createdAt: daysAgo(1) }),
  makeItem({ id: 'k2', text: 'kettle two', createdAt: daysAgo(2) }),
  makeItem({ id: 'k3', text: 'kettle three', createdAt: daysAgo(3) }),
];

/** Writes what a v3 archive stored for ITEMS: k1, k2 in column "a"; k2, k3 in column "b". */
async function seedV3(name: string): Promise<void> {
  db = await openRoostDb({ name, upToVersion: 3 });
  const now = Date.now();
  const described = ITEMS.map((item) => describeItem(item, now));
  const index = new SearchIndex();
  index.beginSegment();
  for (const d of described) index.addDoc(d.doc);
  const segment = index.finishSegment();
  if (!segment) throw new Error('expected a segment');
  // v3 segments had no membership field.
  const { members, ...v3Segment } = segment;
  expect(members).toEqual([]);
  await db.indexSegments.add(v3Segment as IndexSegmentRow);
  await db.items.bulkPut(described.map((d) => d.row));
  const member = (column: string, i: number) => ({
    columnKey: column,
    sortKey: v3SortKey(described[i]?.sortTime ?? 0, ITEMS[i]?.key ?? ''),
    itemKey: ITEMS[i]?.key ?? '',
  });
  await db.columnItems.bulkPut([member('a', 0), member('a', 1), member('b', 1), member('b', 2)]);
  db.close();
  db = null;
}

test('v4 says why and drops columnItems and the item indexes', () => {
  const v4 = SCHEMA_VERSIONS.find((v) => v.version === 4);
  expect(v4?.why).toMatch(/membership/);
  expect(v4?.stores).toEqual({ items: '&key', columnItems: null });
});

test('v3 → v4 carries column memberships into the index and keeps items searchable', async () => {
  const name = uniqueDbName('migrate-v4');
  await seedV3(name);

  db = await openRoostDb({ name, upToVersion: 4 });
  expect(db.verno).toBe(4);
  expect(db.tables.map((t) => t.name)).not.toContain('columnItems');
  expect(Object.keys(db.items.schema.idxByName)).toEqual([]);
  expect(await db.items.count()).toBe(3);
  const segments = await db.indexSegments.toArray();
  expect(segments).toHaveLength(2);
  expect(segments[1]?.termBase).toBe((segments[0]?.termBase ?? 0) + (segments[0]?.newTerms.length ?? 0));
  db.close();
  db = null;

  const archive = createArchive({ dbName: name });
  archives.push(archive);
  const stats = await archive.stats();
  expect(stats.indexLoad.source).toBe('segments');
  expect(stats.liveItems).toBe(3);
  expect(stats.memberships).toBe(4);
  expect((await archive.loadColumn('a', 10)).map((i) => i.remoteId)).toEqual(['k1', 'k2']);
  expect((await archive.loadColumn('b', 10)).map((i) => i.remoteId)).toEqual(['k2', 'k3']);
  const hits = await archive.search({ text: 'kettle' });
  expect(hits.map((h) => [h.item.remoteId, [...h.columnKeys].sort()])).toEqual([
    ['k1', ['a']],
    ['k2', ['a', 'b']],
    ['k3', ['b']],
  ]);

  // Retention works on the carried-over memberships: k3 leaves "b", and with it the archive.
  await archive.setRetention({ maxItemsPerColumn: 1, maxAgeDays: 365 });
  await archive.whenIdle();
  expect((await archive.loadColumn('b', 10)).map((i) => i.remoteId)).toEqual(['k2']);
  expect((await archive.search({ text: 'kettle' })).map((h) => h.item.remoteId)).toEqual(['k1', 'k2']);
});

test('an empty v3 archive upgrades without writing a segment', async () => {
  const name = uniqueDbName('migrate-v4-empty');
  db = await openRoostDb({ name, upToVersion: 3 });
  db.close();
  db = await openRoostDb({ name });
  expect(await db.indexSegments.count()).toBe(0);
});
