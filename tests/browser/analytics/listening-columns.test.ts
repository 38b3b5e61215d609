// The dashboard's list of listening columns, read from real IndexedDB by skipping along the
// [columnKey+hour] key: every column with counts once, in key order, named after its deck column (or
// described from its key when no deck column shows it any more), whatever the number of hours each holds.
import { afterEach, expect, test } from 'vitest';
import { emptyCount, HOUR_MS } from '../../../src-shared/analytics/listening.ts';
import { columnSourceKey } from '../../../src-shared/domain/column.ts';
import { openRoostDb, type RoostDb } from '../../../src-renderer/db/roost-db.ts';
import { listeningColumns } from '../../../src-renderer/features/analytics/repositories/listening-repository.ts';

let db: RoostDb | null = null;
afterEach(() => {
  db?.close();
  db = null;
});

const source = (param: string) => ({ type: 'search' as const, accountId: 'acct-1', param });

test('each column with counts once, in key order, with its deck title', async () => {
  db = await openRoostDb({ name: `columns-${crypto.randomUUID()}` });
  expect(await listeningColumns(db)).toEqual([]);
  const keys = ['zebra', 'apple', 'mango'].map((p) => columnSourceKey(source(p)));
  const hours = { zebra: 1, apple: 500, mango: 3 } as const;
  for (const [i, name] of (['zebra', 'apple', 'mango'] as const).entries()) {
    await db.listeningCounts.bulkPut(
      Array.from({ length: hours[name] }, (_, h) => ({ ...emptyCount(keys[i]!, h * HOUR_MS), total: 1 })),
    );
  }
  await db.columns.bulkPut([
    { id: 'c1', workspaceId: 'ws', title: 'Apples', source: source('apple') },
    { id: 'c2', workspaceId: 'ws', title: 'Zebras', source: source('zebra') },
  ] as never);
  expect(await listeningColumns(db)).toEqual([
    { key: columnSourceKey(source('apple')), title: 'Apples' },
    { key: columnSourceKey(source('mango')), title: 'search: mango' },
    { key: columnSourceKey(source('zebra')), title: 'Zebras' },
  ]);
});
