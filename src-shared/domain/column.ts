// A column of the deck: what to fetch (source), with which account, and how to show it.
import { z } from '../zod.ts';

export const COLUMN_TYPES = [
  'home',
  'author',
  'mentions',
  'notifications',
  'search',
  'hashtag',
  'list',
  'feed',
  'local',
  'federated',
  'conversations',
  'rss',
] as const;
export const ColumnTypeSchema = z.enum(COLUMN_TYPES);
export type ColumnType = z.infer<typeof ColumnTypeSchema>;

/** What a column fetches. `key` below is derived from it, so two columns on the same source share polls. */
export const ColumnSourceSchema = z
  .object({
    type: ColumnTypeSchema,
    /** null only for RSS, which needs no account. */
    accountId: z.string().min(1).max(64).nullable(),
    /** search query, hashtag (no '#'), actor handle/DID, list/feed URI, or feed URL — depending on type. */
    param: z.string().max(2_048).nullable(),
  })
  .strict();
export type ColumnSource = z.infer<typeof ColumnSourceSchema>;

export function columnSourceKey(source: ColumnSource): string {
  return [source.type, source.accountId ?? '-', source.param ?? ''].join('|');
}
