// The archive end to end in real Chromium: createArchive() starts the real module worker, which writes
// real IndexedDB through Dexie. Each test uses its own database name.
import { afterEach, describe, expect, test } from 'vitest';
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

async function countRows(dbName: string, table: 'items'): Promise<number> {
  const db = await openRoostDb({ name: dbName });
  try {
    return await db.table(table).count();
  } finally {
    db.close();
  }
}

describe('ingest', () => {
  test('stores an item once however often it arrives, keeping the latest counts', async () => {
    const name = uniqueDbName('ingest');
    const archive = start(name);
    const a = makeItem({ id: 'a', text: 'first post', createdAt: daysAgo(0.3) });
    const b = makeItem({ id: 'b', text: 'second post', createdAt: daysAgo(0.2) });
    await archive.ingest('home', [a, b]);
    await archive.ingest('home', [{ ...a, counts: { ...a.counts, likes: 42 } }]);
    await archive.ingest('mentions', [a]);
    await archive.whenIdle();

    expect(await countRows(name, 'items')).toBe(2);
    expect((await archive.stats()).memberships).toBe(3);
    const home = await archive.loadColumn('home', 10);
    expect(home.map((i) => i.key)).toEqual([b.key, a.key]);
    // The later copy without the like count came last, so it wins.
    expect((await archive.loadColumn('mentions', 10))[0]?.counts.likes).toBe(0);
    await archive.ingest('home', [{ ...a, counts: { ...a.counts, likes: 42 } }]);
    expect((await archive.loadColumn('mentions', 10))[0]?.counts.likes).toBe(42);
    expect((await archive.stats()).liveItems).toBe(2);
    const hits = await archive.search({ text: 'post' });
    expect(hits.map((h) => h.item.key)).toEqual([b.key, a.key]);
    expect([...(hits[1]?.columnKeys ?? [])].sort()).toEqual(['home', 'mentions']);
  });

  test('loadColumn returns the newest first and honours the limit; a future-dated item sorts by when it was seen', async () => {
    const archive = start(uniqueDbName('order'));
    const items = [3, 1, 5, 2, 4].map((d) =>
      makeItem({ id: `d${d}`, text: `day ${d}`, createdAt: daysAgo(d) }),
    );
    const skewed = {
      ...makeItem({ id: 'skewed', text: 'clock skew', createdAt: daysAgo(-30) }),
      seenAt: daysAgo(2.5),
    };
    await archive.ingest('col', [...items, skewed]);
    expect((await archive.loadColumn('col', 4)).map((i) => i.remoteId)).toEqual(['d1', 'd2', 'skewed', 'd3']);
    expect(await archive.loadColumn('other', 4)).toEqual([]);
  });

  test('rejects what is not a stream item, storing nothing from that call', async () => {
    const name = uniqueDbName('invalid');
    const archive = start(name);
    const good = makeItem({ id: 'ok', text: 'fine' });
    const bad = { ...good, key: '' };
    await expect(archive.ingest('col', [good, bad])).rejects.toThrow(
      /archive ingest: item 1 is not a stream item \(missing key\)/,
    );
    await expect(archive.ingest('', [good])).rejects.toThrow(/columnKey must be a non-empty string/);
    expect(await archive.loadColumn('col', 10)).toEqual([]);
    await archive.ingest('col', [good]);
    expect(await archive.loadColumn('col', 10)).toHaveLength(1);
  });
});

describe('retention', () => {
  test('keeps the newest N per column; an item another column holds stays archived', async () => {
    const name = uniqueDbName('cap');
    const archive = start(name);
    await archive.setRetention({ maxItemsPerColumn: 3, maxAgeDays: 365 });
    const items = [1, 2, 3, 4, 5].map((d) =>
      makeItem({ id: `i${d}`, text: `item ${d}`, createdAt: daysAgo(d) }),
    );
    await archive.ingest('other', [items[4]!]);
    await archive.ingest('col', items);
    await archive.whenIdle();
    expect((await archive.loadColumn('col', 10)).map((i) => i.remoteId)).toEqual(['i1', 'i2', 'i3']);
    // i4 left the archive; i5 is still held by "other".
    expect(await countRows(name, 'items')).toBe(4);
    expect((await archive.search({ text: 'item' })).map((h) => h.item.remoteId)).toEqual([
      'i1',
      'i2',
      'i3',
      'i5',
    ]);
  });

  test('lowering the cap trims existing columns in the background', async () => {
    const name = uniqueDbName('cap-later');
    const archive = start(name);
    await archive.setRetention({ maxItemsPerColumn: 1000, maxAgeDays: 365 });
    const items = Array.from({ length: 1200 }, (_, i) =>
      makeItem({
        id: `n${i}`,
        text: `note ${i}`,
        createdAt: new Date(Date.now() - (i + 1) * 60_000).toISOString(),
      }),
    );
    await archive.ingest('a', items);
    await archive.whenIdle();
    expect((await archive.stats()).memberships).toBe(1000);
    await archive.setRetention({ maxItemsPerColumn: 10, maxAgeDays: 365 });
    await archive.whenIdle();
    expect((await archive.loadColumn('a', 50)).map((i) => i.remoteId)).toEqual(
      items.slice(0, 10).map((i) => i.remoteId),
    );
    expect(await countRows(name, 'items')).toBe(10);
  });

  test('drops items older than the age limit, whichever column holds them, and does not store old arrivals', async () => {
    const name = uniqueDbName('age');
    const archive = start(name);
    await archive.setRetention({ maxItemsPerColumn: 100, maxAgeDays: 30 });
    const fresh = makeItem({ id: 'fresh', text: 'harbour news', createdAt: daysAgo(1) });
    const old = makeItem({ id: 'old', text: 'harbour archive', createdAt: daysAgo(20) });
    const ancient = makeItem({ id: 'ancient', text: 'harbour history', createdAt: daysAgo(40) });
    await archive.ingest('a', [fresh, old, ancient]);
    await archive.ingest('b', [old]);
    expect((await archive.loadColumn('a', 10)).map((i) => i.remoteId)).toEqual(['fresh', 'old']);
    await archive.setRetention({ maxItemsPerColumn: 100, maxAgeDays: 10 });
    await archive.whenIdle();
    expect((await archive.loadColumn('a', 10)).map((i) => i.remoteId)).toEqual(['fresh']);
    expect(await archive.loadColumn('b', 10)).toEqual([]);
    expect((await archive.search({ text: 'harbour' })).map((h) => h.item.remoteId)).toEqual(['fresh']);
    expect(await countRows(name, 'items')).toBe(1);
  });

  test('rejects a nonsensical policy', async () => {
    const archive = start(uniqueDbName('bad-policy'));
    await expect(archive.setRetention({ maxItemsPerColumn: 0, maxAgeDays: 10 })).rejects.toThrow(
      /maxItemsPerColumn/,
    );
    await expect(archive.setRetention({ maxItemsPerColumn: 5, maxAgeDays: -1 })).rejects.toThrow(
      /maxAgeDays/,
    );
  });
});

describe('clearColumn', () => {
  test("forgets a column's items but keeps those another column holds", async () => {
    const name = uniqueDbName('clear');
    const archive = start(name);
    const [i1, i2, i3] = [1, 2, 3].map((d) =>
      makeItem({ id: `c${d}`, text: `lighthouse ${d}`, createdAt: daysAgo(d) }),
    );
    await archive.ingest('a', [i1!, i2!]);
    await archive.ingest('b', [i2!, i3!]);
    await archive.clearColumn('a');
    expect(await archive.loadColumn('a', 10)).toEqual([]);
    expect((await archive.loadColumn('b', 10)).map((i) => i.remoteId)).toEqual(['c2', 'c3']);
    const hits = await archive.search({ text: 'lighthouse' });
    expect(hits.map((h) => [h.item.remoteId, h.columnKeys])).toEqual([
      ['c2', ['b']],
      ['c3', ['b']],
    ]);
    expect(await countRows(name, 'items')).toBe(2);
  });
});

describe('errors and lifecycle', () => {
  test('bad queries reject with a clear message; calls after close reject', async () => {
    const archive = createArchive({ dbName: uniqueDbName('errors') });
    await expect(archive.search({ text: 'x', from: 'yesterday-ish' })).rejects.toThrow(
      'archive search: search: "from" is not a date: yesterday-ish',
    );
    await expect(archive.search({ text: 'x', limit: 0 })).rejects.toThrow(/limit must be a whole number/);
    await expect(archive.loadColumn('c', -1)).rejects.toThrow(/limit must be a whole number/);
    archive.close();
    await expect(archive.search({ text: 'x' })).rejects.toThrow('archive search: the archive is closed');
  });
});
