// Schema v5 → v6 over real IndexedDB: the daily rollups table is built from the hourly listening counts
// already stored, which stay as they were.
import { afterEach, expect, test } from 'vitest';
import { emptyCount, HOUR_MS } from '../../../src-shared/analytics/listening.ts';
import { openRoostDb, type RoostDb } from '../../../src-renderer/db/roost-db.ts';

let db: RoostDb | null = null;
afterEach(() => {
  db?.close();
  db = null;
});

const DAY = 24 * HOUR_MS;
const D0 = Date.UTC(2026, 0, 5);

test('v5 → v6 rolls the stored hourly counts up into day rows', async () => {
  const name = `migrate-v6-${crypto.randomUUID()}`;
  db = await openRoostDb({ name, upToVersion: 5 });
  const row = (column: string, hour: number, total: number) => ({
    ...emptyCount(column, hour),
    total,
    sentiment: { positive: 0, neutral: total, negative: 0 },
    network: { bluesky: total },
  });
  const hourly = [
    row('a', D0 + 2 * HOUR_MS, 3),
    row('a', D0 + 20 * HOUR_MS, 4),
    row('a', D0 + DAY + HOUR_MS, 1),
    row('b', D0 + 2 * HOUR_MS, 6),
  ];
  await db.listeningCounts.bulkPut(hourly);
  db.close();

  db = await openRoostDb({ name, upToVersion: 6 });
  expect(db.verno).toBe(6);
  expect(await db.listeningCounts.count()).toBe(4);
  const days = await db.listeningDaily.toArray();
  expect(days.map((d) => [d.columnKey, d.hour - D0, d.total])).toEqual([
    ['a', 0, 7],
    ['a', DAY, 1],
    ['b', 0, 6],
  ]);
  const a0 = days[0]!;
  expect(a0.hours[2]).toBe(3);
  expect(a0.hours[20]).toBe(4);
  expect(a0.sentiment.neutral).toBe(7);
  expect(a0.network).toEqual({ bluesky: 7 });
});
