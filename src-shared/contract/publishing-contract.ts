// The publishing part of the contract: guards are evaluated (and enforced) in main, a single-use
// clearance binds the user's confirmations to exactly one content digest, and the outbox in main's
// SQLite sends each job exactly once, now, after the undo window, or at its scheduled time.
import { z } from '../zod.ts';
import { CONTENT_ACTION_KINDS, ContentActionSchema } from '../compose/content-action.ts';
import { OutgoingPostSchema } from '../compose/post.ts';
import { IsoInstantSchema } from '../atproto/datetime.ts';
import { GUARD_IDS } from '../guards/types.ts';

const Id = z.string().min(1).max(64);
const IsoInstant = IsoInstantSchema;

export const GuardDecisionSchema = z.object({
  id: z.string().max(256),
  guard: z.enum(GUARD_IDS),
  level: z.enum(['block', 'confirm', 'warn']),
  message: z.string().max(2_000),
  accountIds: z.array(z.string().max(64)).max(50),
  /** Rule-specific facts (URL, host, term…), shown in the confirmation dialog. */
  detail: z.record(z.string(), z.unknown()),
});

export const GuardRecordSchema = z.object({
  decisionId: z.string().max(256),
  guard: z.enum(GUARD_IDS),
  level: z.enum(['block', 'confirm', 'warn']),
  message: z.string().max(2_000),
  accountIds: z.array(z.string().max(64)).max(50),
  outcome: z.enum(['warned', 'acknowledged', 'typed']),
  confirmedBy: z.string().max(256).nullable(),
  confirmedAt: z.string().max(64),
  digest: z.string().max(128),
});

export const OUTBOX_STATES = [
  /** Waiting out the undo window; cancellable. */
  'held',
  'queued',
  /** Due time passed while Roost was off or asleep, beyond the grace period: waits for the user. */
  'overdue',
  'sending',
  'sent',
  'failed',
  'needs_attention',
  'cancelled',
] as const;

export const OutboxJobSchema = z.object({
  id: Id,
  /** Jobs created together from one composer submission share it. */
  batchId: Id,
  draftId: z.string().max(64).nullable(),
  accountId: Id,
  network: z.enum(['bluesky', 'mastodon']),
  /** A post (with its replies and quotes), or a repost, unrepost or delete of an item. */
  action: z.enum(['post', ...CONTENT_ACTION_KINDS]),
  /** The item a reply, quote or action is about (its remoteId), so the deck can show the outcome on it. */
  subjectId: z.string().max(2_048).nullable(),
  state: z.enum(OUTBOX_STATES),
  text: z.string().max(100_000),
  /** Null: as soon as the undo window ends. */
  scheduledAt: z.string().max(64).nullable(),
  /** End of the undo window (ISO). */
  holdUntil: z.string().max(64).nullable(),
  /** Whether the network's server holds the schedule (Mastodon scheduled_at) or Roost does. */
  scheduledBy: z.enum(['roost', 'server']),
  attempts: z.number().int().nonnegative(),
  lastError: z.object({ code: z.string().max(64), message: z.string().max(2_000) }).nullable(),
  remoteId: z.string().max(2_048).nullable(),
  url: z.string().max(4_096).nullable(),
  campaign: z.string().max(256).nullable(),
  guardRecords: z.array(GuardRecordSchema).max(100),
  createdAt: z.string().max(64),
  updatedAt: z.string().max(64),
  sentAt: z.string().max(64).nullable(),
});
export type OutboxJob = z.infer<typeof OutboxJobSchema>;

/**
 * Marks the methods able to make content appear or disappear on a network as one of the user's accounts.
 * `publishes`: new content, refused for a protected account without a single-use clearance;
 * `resends`: acts again on a job that was already authorised; `engages`: likes only, never content.
 * A test walks every marked method over the browser-mode WebSocket, so a new one is covered automatically.
 */
export type NetworkEffect = 'publishes' | 'resends' | 'engages';

const Clearing = {
  digest: z.string().min(1).max(128),
  typedHandles: z.record(Id, z.string().max(512)),
  acknowledged: z.array(z.string().max(256)).max(200),
};

const PreflightOutput = z.object({
  digest: z.string().max(128),
  decisions: z.array(GuardDecisionSchema).max(200),
  /** Accounts whose handle must be typed (protected accounts). */
  typeHandleFor: z.array(Id).max(50),
  /** Decisions of level confirm the user must acknowledge. */
  acknowledge: z.array(z.string().max(256)).max(200),
  /** True when a block-level decision forbids publishing this content at all. */
  blocked: z.boolean(),
});

export const publishingRequests = {
  'publish:preflight': { input: z.object({ post: OutgoingPostSchema }).strict(), output: PreflightOutput },
  'publish:clear': {
    input: z.object({ post: OutgoingPostSchema, ...Clearing }).strict(),
    output: z.object({ clearanceId: z.string(), expiresAt: z.string() }),
  },
  'publish:preflightAction': {
    input: z.object({ action: ContentActionSchema }).strict(),
    output: PreflightOutput,
  },
  'publish:clearAction': {
    input: z.object({ action: ContentActionSchema, ...Clearing }).strict(),
    output: z.object({ clearanceId: z.string(), expiresAt: z.string() }),
  },
  'outbox:submit': {
    input: z
      .object({
        draftId: z.string().max(64).nullable(),
        post: OutgoingPostSchema,
        clearanceId: z.string().max(128).nullable(),
        undoSeconds: z.number().int().min(0).max(60),
        campaign: z.string().max(256).nullable(),
      })
      .strict(),
    output: z.object({ jobs: z.array(OutboxJobSchema) }),
    effect: 'publishes',
  },
  'outbox:submitAction': {
    input: z
      .object({
        action: ContentActionSchema,
        clearanceId: z.string().max(128).nullable(),
        undoSeconds: z.number().int().min(0).max(60),
      })
      .strict(),
    output: z.object({ jobs: z.array(OutboxJobSchema) }),
    effect: 'publishes',
  },
  /** Sends a failed job again with the keys it was created with, so it still cannot appear twice. */
  'outbox:retry': { input: z.object({ jobId: Id }).strict(), output: OutboxJobSchema, effect: 'resends' },
  'outbox:cancel': { input: z.object({ jobId: Id }).strict(), output: z.object({ cancelled: z.boolean() }) },
  'outbox:list': {
    input: z
      .object({
        from: IsoInstant.optional(),
        to: IsoInstant.optional(),
        accountIds: z.array(Id).max(100).optional(),
        campaign: z.string().max(256).optional(),
      })
      .strict(),
    output: z.array(OutboxJobSchema),
  },
  'outbox:reschedule': {
    input: z.object({ jobId: Id, scheduledAt: IsoInstant }).strict(),
    output: OutboxJobSchema,
    effect: 'resends',
  },
  'outbox:resolveOverdue': {
    input: z.object({ jobId: Id, decision: z.enum(['send', 'cancel']) }).strict(),
    output: OutboxJobSchema,
    effect: 'resends',
  },
  'schedule:bestTimes': {
    input: z.object({ accountId: Id }).strict(),
    output: z.object({
      basis: z.enum(['history', 'default']),
      slots: z.array(z.object({ at: z.string(), score: z.number(), reason: z.string().max(500) })).max(50),
    }),
  },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType; effect?: NetworkEffect }>;

export const publishingEvents = {
  'outbox:changed': z.object({ jobs: z.array(OutboxJobSchema).max(500) }),
} as const;
