// The streams part of the contract: columns subscribe to sources in main, which polls or streams them
// and pushes items and column states back. Column layout itself lives in the renderer's IndexedDB.
import { z } from '../zod.ts';
import { ColumnSourceSchema } from '../domain/column.ts';
import { CapabilitiesSchema } from '../domain/capabilities.ts';
import { StreamItemSchema } from '../domain/stream-item.ts';

const Id = z.string().min(1).max(64);
const ColumnId = z.object({ columnId: Id }).strict();

/** A gap between two loaded stretches of a column; loading it fetches what was skipped. */
export const GapSchema = z.object({
  id: z.string().max(128),
  /** Fetch items older than this position... */
  before: z.string().max(2_048),
  /** ...down to this one (the newest item held before the gap). */
  since: z.string().max(2_048).nullable(),
});
export type Gap = z.infer<typeof GapSchema>;

export const ColumnStateSchema = z.object({
  state: z.enum(['idle', 'polling', 'live', 'paused', 'offline', 'error', 'needs_sign_in']),
  /** For error: a contract error code. */
  errorCode: z.string().max(64).nullable(),
  /** Epoch ms of the next attempt, when waiting. */
  retryAt: z.number().nullable(),
});
export type ColumnState = z.infer<typeof ColumnStateSchema>;

/** Enough of an item for main to act on it without trusting the rest of the renderer's copy. */
export const ItemRefSchema = z
  .object({
    network: z.enum(['bluesky', 'mastodon']),
    remoteId: z.string().min(1).max(2_048),
    actionRef: z.string().max(2_048).nullable(),
    viewerLiked: z.string().max(2_048).nullable(),
    viewerReposted: z.string().max(2_048).nullable(),
  })
  .strict();
export type ItemRef = z.infer<typeof ItemRefSchema>;

/** A Mastodon status its author deleted, as one account knows it (its instance-local id). */
export const StreamDeletionSchema = z.object({
  accountId: Id,
  network: z.literal('mastodon'),
  actionRef: z.string().min(1).max(256),
});

export const streamRequests = {
  'streams:capabilities': { input: z.object({ accountId: Id }).strict(), output: CapabilitiesSchema },
  'streams:subscribe': {
    input: z.object({ columnId: Id, source: ColumnSourceSchema, visible: z.boolean() }).strict(),
    output: z.object({ columnKey: z.string() }),
  },
  'streams:unsubscribe': { input: ColumnId, output: z.object({}) },
  'streams:setVisible': {
    input: z.object({ columnId: Id, visible: z.boolean() }).strict(),
    output: z.object({}),
  },
  'streams:refresh': { input: ColumnId, output: z.object({}) },
  'streams:loadGap': { input: z.object({ columnId: Id, gap: GapSchema }).strict(), output: z.object({}) },
  'streams:loadOlder': { input: ColumnId, output: z.object({}) },
  /**
   * Likes only: they publish nothing people read as the account's voice. Replies, quotes, reposts and
   * deletes go through the guards and the outbox (publish:preflight / outbox:submit and their Action forms).
   */
  'items:act': {
    input: z.object({ accountId: Id, item: ItemRefSchema, action: z.enum(['like', 'unlike']) }).strict(),
    output: z.object({ remoteId: z.string().nullable() }),
    effect: 'engages',
  },
  'items:thread': {
    input: z.object({ accountId: Id, item: ItemRefSchema }).strict(),
    output: z.array(StreamItemSchema).max(1_000),
  },
} as const;

export const streamEvents = {
  /** New items for a column source, newest first; `gap` when items between were skipped. */
  'streams:items': z.object({
    columnKey: z.string().max(2_200),
    items: z.array(StreamItemSchema).max(500),
    position: z.enum(['newer', 'older', 'gap']),
    gap: GapSchema.nullable(),
  }),
  'streams:state': z.object({ columnKey: z.string().max(2_200), state: ColumnStateSchema }),
  /**
   * Its author deleted a Mastodon status: every item of that account pointing at it (actionRef, the
   * instance-local id) leaves the deck and the archive, boosts and notifications of it included.
   */
  'streams:deleted': StreamDeletionSchema,
} as const;
