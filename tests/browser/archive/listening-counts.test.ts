// Listening counts kept by the real archive worker at ingest, in real IndexedDB: one row per column and
// hour split by sentiment, language and network; an item counts once per column however often it arrives;
// the rebuild action recounts from the index and lands on the same numbers; a column filter narrows search.
import { afterEach, expect, test } from 'vitest';
import { HOUR_MS, hourOf } from '../../../src-shared/analytics/listening.ts';
import { createArchive } from '../../../src-renderer/archive/create-archive.ts';
import { openRoostDb } from '../../../src-renderer/db/roost-db.ts';
import type { ListeningCountRow } from '../../../src-renderer/db/analytics-rows.ts';
import { makeItem, uniqueDbName } from './make-item.ts';

type Archive = ReturnType<typeof createArchive>;
const open: Archive[] = [];
afterEach(() => {
  for (const a of open.splice(0)) a.close();
});

async function readCounts(dbName: string): Promise<ListeningCountRow[]> {
  const db = await openRoostDb({ name: dbName });
  try {
    return await db.listeningCounts.toArray();
  } finally {
    db.close();
  }
}

// Two whole hours in the past, so the items fall in two known hours.
const base = hourOf(Date.now()) - 3 * HOUR_MS;
const at = (hour: number, minute: number) => new Date(base + hour * HOUR_MS + minute * 60_000).toISOString();

const items = [
  makeItem({ id: '1', text: 'I love this wonderful kettle', createdAt: at(0, 5), lang: 'en' }),
  makeItem({ id: '2', text: 'This kettle is terrible and broken, awful', createdAt: at(0, 20), lang: 'en' }),
  makeItem({
    id: '3',
    text: 'La bouilloire est arrivée',
    createdAt: at(0, 40),
    lang: 'fr',
    network: 'mastodon',
  }),
  makeItem({ id: '4', text: 'kettle delivered today', createdAt: at(1, 10), lang: 'en' }),
];

test('ingest counts new column members per hour by sentiment, language and network', async () => {
  const name = uniqueDbName('listening');
  const archive = createArchive({ dbName: name, textWorker: false });
  open.push(archive);
  await archive.ingest('kettle', items);
  // The same items again (a re-fetch) and one of them in another column.
  await archive.ingest('kettle', items.slice(0, 2));
  await archive.ingest('brand', [items[0]!]);
  await archive.whenIdle();

  const rows = await readCounts(name);
  const kettle = rows.filter((r) => r.columnKey === 'kettle').sort((a, b) => a.hour - b.hour);
  expect(kettle.map((r) => [r.hour - base, r.total])).toEqual([
    [0, 3],
    [HOUR_MS, 1],
  ]);
  const first = kettle[0]!;
  expect(first.sentiment.positive).toBe(1);
  expect(first.sentiment.negative).toBe(1);
  expect(first.sentiment.neutral).toBe(1);
  expect(first.lang).toEqual({ en: 2, fr: 1 });
  expect(first.network).toEqual({ bluesky: 2, mastodon: 1 });
  const brand = rows.filter((r) => r.columnKey === 'brand');
  expect(brand.map((r) => [r.hour - base, r.total])).toEqual([[0, 1]]);

  // A rebuild recounts from the index and finds exactly what ingest counted.
  const summary = await archive.rebuildListening();
  expect(summary).toMatchObject({ columns: 2, hours: 3, items: 5, fromHour: base });
  const rebuilt = await readCounts(name);
  const byKey = (r: ListeningCountRow) => `${r.columnKey}@${r.hour}`;
  expect(rebuilt.map(byKey).sort()).toEqual(rows.map(byKey).sort());
  for (const row of rebuilt) expect(row).toEqual(rows.find((r) => byKey(r) === byKey(row)));
});

test('rebuild keeps counts older than the archive and replaces newer ones', async () => {
  const name = uniqueDbName('listening-rebuild');
  const db = await openRoostDb({ name });
  const old = base - 400 * 24 * HOUR_MS;
  const stale = {
    columnKey: 'kettle',
    hour: base + HOUR_MS,
    total: 99,
    sentiment: { positive: 0, neutral: 99, negative: 0 },
    lang: {},
    network: {},
  };
  // One row before the archive's oldest item (kept), one in its hour and one after (replaced).
  await db.listeningCounts.bulkPut([
    { ...stale, hour: old, total: 7 },
    stale,
    { ...stale, hour: base + 2 * HOUR_MS },
  ]);
  db.close();
  const archive = createArchive({ dbName: name, textWorker: false });
  open.push(archive);
  await archive.ingest('kettle', [items[3]!]);
  await archive.rebuildListening();
  const rows = (await readCounts(name)).sort((a, b) => a.hour - b.hour);
  expect(rows.map((r) => [r.hour, r.total])).toEqual([
    [old, 7],
    [base + HOUR_MS, 1],
  ]);
});

test('search can be narrowed to one column and an hour', async () => {
  const archive = createArchive({ dbName: uniqueDbName('listening-search'), textWorker: false });
  open.push(archive);
  await archive.ingest('kettle', items);
  await archive.ingest('brand', [items[0]!, items[3]!]);
  const inHour = await archive.search({
    text: '',
    columnKey: 'brand',
    from: new Date(base).toISOString(),
    to: new Date(base + HOUR_MS - 1).toISOString(),
  });
  expect(inHour.map((h) => h.item.key)).toEqual([items[0]!.key]);
  const negative = await archive.search({ text: '', columnKey: 'kettle', sentiments: ['negative'] });
  expect(negative.map((h) => h.item.key)).toEqual([items[1]!.key]);
});
