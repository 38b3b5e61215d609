// Reads listening counts and the deck's column titles for the dashboard. The archive worker writes the
// counts (at ingest, and on rebuild); this side only reads them, and prunes through analytics-retention.
import type { DailyCount } from '../../../../src-shared/analytics/daily-rollup.ts';
import type { ListeningCount } from '../../../../src-shared/analytics/listening.ts';
import { columnSourceKey, ColumnSourceSchema } from '../../../../src-shared/domain/column.ts';
import type { RoostDb } from '../../../db/roost-db.ts';

/** Counts of every column (or only `columnKeys`) for hours in [from, to). */
export async function readListening(
  db: RoostDb,
  from: number,
  to: number,
  columnKeys?: readonly string[],
): Promise<ListeningCount[]> {
  const rows = await db.listeningCounts.where('hour').between(from, to, true, false).toArray();
  if (!columnKeys || columnKeys.length === 0) return rows;
  const wanted = new Set(columnKeys);
  return rows.filter((r) => wanted.has(r.columnKey));
}

/**
 * Daily rollup rows of every column (or only `columnKeys`) for UTC days in [from, to): for ranges bucketed by
 * day or week, a year of 20 columns is 7,300 rows instead of 175,200 hourly ones.
 */
export async function readDailyListening(
  db: RoostDb,
  from: number,
  to: number,
  columnKeys?: readonly string[],
): Promise<DailyCount[]> {
  const rows = await db.listeningDaily.where('hour').between(from, to, true, false).toArray();
  if (!columnKeys || columnKeys.length === 0) return rows;
  const wanted = new Set(columnKeys);
  return rows.filter((r) => wanted.has(r.columnKey));
}

export interface ListeningColumn {
  /** The archive's column key (the deck column's source key). */
  readonly key: string;
  readonly title: string;
}

/** Column keys that have counts, named after the deck columns showing that source. */
export async function listeningColumns(db: RoostDb): Promise<ListeningColumn[]> {
  // Skips from one column to the next along the [columnKey+hour] primary key: one small read per column.
  // Listing every primary key read a year of 20 columns (175,200 keys) just to find 20 names.
  const keys: string[] = [];
  let next = (await db.listeningCounts.toCollection().limit(1).primaryKeys())[0];
  while (next !== undefined) {
    const key = next[0];
    keys.push(key);
    next = (await db.listeningCounts.where(':id').above([key, Infinity]).limit(1).primaryKeys())[0];
  }
  const titles = new Map<string, string>();
  // The deck owns the columns table; only the title and source are read here, defensively.
  for (const row of (await db.columns.toArray()) as unknown as Record<string, unknown>[]) {
    const source = ColumnSourceSchema.safeParse(row.source);
    if (!source.success || typeof row.title !== 'string') continue;
    const key = columnSourceKey(source.data);
    if (!titles.has(key)) titles.set(key, row.title);
  }
  return keys.map((key) => ({ key, title: titles.get(key) || describeKey(key) }));
}

/** "search: kettle" for a column key nobody titled (its deck column was removed). */
function describeKey(key: string): string {
  const [type = '', , param = ''] = key.split('|');
  return param ? `${type}: ${param}` : type;
}
