// Daily rollups kept by the real archive worker beside the hourly counts, in real IndexedDB: every flush
// adds its deltas to the day rows, which always equal the hourly rows rolled up; the rebuild rewrites them.
import { afterEach, expect, test } from 'vitest';
import { rollUpDaily } from '../../../src-shared/analytics/daily-rollup.ts';
import { HOUR_MS, hourOf } from '../../../src-shared/analytics/listening.ts';
import { createArchive } from '../../../src-renderer/archive/create-archive.ts';
import { openRoostDb } from '../../../src-renderer/db/roost-db.ts';
import { makeItem, uniqueDbName } from './make-item.ts';

type Archive = ReturnType<typeof createArchive>;
const open: Archive[] = [];
afterEach(() => {
  for (const a of open.splice(0)) a.close();
});

const DAY = 24 * HOUR_MS;
const base = hourOf(Date.now()) - 3 * DAY;
const at = (hours: number) => new Date(base + hours * HOUR_MS + 60_000).toISOString();

async function readBoth(name: string) {
  const db = await openRoostDb({ name });
  try {
    const byKey = (a: { columnKey: string; hour: number }, b: { columnKey: string; hour: number }) =>
      a.columnKey.localeCompare(b.columnKey) || a.hour - b.hour;
    return {
      hourly: (await db.listeningCounts.toArray()).sort(byKey),
      daily: (await db.listeningDaily.toArray()).sort(byKey),
    };
  } finally {
    db.close();
  }
}

test('ingest keeps the day rows equal to the hourly rows rolled up, and rebuild lands on the same', async () => {
  const name = uniqueDbName('listening-daily');
  const archive = createArchive({ dbName: name, textWorker: false });
  open.push(archive);
  // Items over three days, in two columns, arriving in separate batches (separate flushes).
  const first = [0, 1, 5, 30, 31].map((h, i) => makeItem({ id: `a${i}`, text: 'kettle', createdAt: at(h) }));
  const second = [1, 30, 55].map((h, i) =>
    makeItem({ id: `b${i}`, text: 'kettle', createdAt: at(h), network: 'mastodon' }),
  );
  await archive.ingest('kettle', first);
  await archive.whenIdle();
  await archive.ingest('kettle', second);
  await archive.ingest('brand', [first[0]!]);
  await archive.whenIdle();

  const { hourly, daily } = await readBoth(name);
  expect(daily.reduce((n, d) => n + d.total, 0)).toBe(9);
  expect(daily.filter((d) => d.columnKey === 'kettle').reduce((n, d) => n + d.total, 0)).toBe(8);
  const expected = rollUpDaily(hourly);
  expect(daily).toHaveLength(expected.length);
  for (const row of daily)
    expect(row).toEqual(expected.find((e) => e.columnKey === row.columnKey && e.hour === row.hour));

  await archive.rebuildListening();
  expect((await readBoth(name)).daily).toEqual(daily);
});
