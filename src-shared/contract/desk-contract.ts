// The inquiry desk's part of the contract: conversations built from the mentions, replies and quotes the
// user's accounts receive, their states and SLA clocks, internal notes, saved replies and the collision guard.
// Replies themselves go out through publish:preflight → publish:clear → outbox:submit like every other post;
// the desk only records them. Nothing here can publish: no method is marked with a network effect.
import { ImpostorFlagSchema } from '../protection/flags.ts';
import { z } from '../zod.ts';
import { NetworkSchema } from '../domain/account.ts';
import { CONVERSATION_STATES } from '../desk/conversation.ts';
import { SLA_KINDS } from '../desk/sla.ts';
import { DeskSettingsSchema } from './desk-settings-schema.ts';

const Id = z.string().min(1).max(128);
const Text = z.string().max(20_000);

export const DESK_VIEWS = ['mine', 'unassigned', 'pending', 'snoozed', 'resolved', 'breaching'] as const;
export type DeskView = (typeof DESK_VIEWS)[number];

export const DeskSlaSchema = z.object({
  clock: z.enum(SLA_KINDS),
  state: z.enum(['ok', 'at_risk', 'breached', 'paused']),
  /** Epoch ms; null while paused. */
  deadline: z.number().nullable(),
});
export type DeskSla = z.infer<typeof DeskSlaSchema>;

export const DeskContactSchema = z.object({
  id: z.string().max(2_048),
  handle: z.string().max(1_000),
  displayName: z.string().max(1_000),
  avatarUrl: z.string().max(4_096).nullable(),
  /** Main flagged this contact as posing as one of the user's accounts (look-alike handle or name). */
  impostor: ImpostorFlagSchema.nullable().optional(),
});

export const ConversationSummarySchema = z.object({
  id: Id,
  accountId: z.string().max(64),
  network: NetworkSchema,
  contact: DeskContactSchema,
  state: z.enum(CONVERSATION_STATES),
  /** 'me' in the embedded desk of a team of one; a member id on a team server. */
  ownerId: z.string().max(128).nullable(),
  priority: z.number().int(),
  priorityReasons: z.array(z.string().max(200)).max(50),
  skills: z.array(z.string().max(64)).max(50),
  lang: z.string().max(35).nullable(),
  excerpt: z.string().max(500),
  createdAt: z.number(),
  lastMessageAt: z.number(),
  snoozedUntil: z.number().nullable(),
  /** The SLA clock that matters now (the running one nearest its deadline); null when none runs. */
  sla: DeskSlaSchema.nullable(),
});
export type ConversationSummary = z.infer<typeof ConversationSummarySchema>;

export const DeskMessageSchema = z.object({
  id: Id.max(2_200),
  direction: z.enum(['in', 'out']),
  network: NetworkSchema,
  remoteId: z.string().max(2_048),
  /** Bluesky CID or Mastodon status id: what a reply to it needs. */
  actionRef: z.string().max(2_048).nullable(),
  authorHandle: z.string().max(1_000),
  text: z.string().max(200_000),
  url: z.string().max(4_096).nullable(),
  createdAt: z.number(),
});
export type DeskMessage = z.infer<typeof DeskMessageSchema>;

export const DeskNoteSchema = z.object({ id: Id, text: Text, createdAt: z.number() });
export type DeskNote = z.infer<typeof DeskNoteSchema>;

export const ConversationDetailSchema = z.object({
  summary: ConversationSummarySchema,
  messages: z.array(DeskMessageSchema),
  notes: z.array(DeskNoteSchema),
  /** The contact's other conversations with this account, newest first. */
  history: z.array(ConversationSummarySchema),
});
export type ConversationDetail = z.infer<typeof ConversationDetailSchema>;

export const SavedReplySchema = z.object({
  id: Id,
  title: z.string().min(1).max(200),
  bodyEn: z.string().max(5_000),
  bodyFr: z.string().max(5_000),
  uses: z.number().int().nonnegative(),
});
export type SavedReply = z.infer<typeof SavedReplySchema>;

/** Saved replies are the same on a team of one's desk and on a team's: one shape for both contracts. */
export const SaveReplyInputSchema = z
  .object({
    id: Id.nullable(),
    title: z.string().trim().min(1).max(200),
    bodyEn: z.string().max(5_000),
    bodyFr: z.string().max(5_000),
  })
  .strict();
export const UseReplyInputSchema = z
  .object({ id: Id, conversationId: Id, lang: z.enum(['en', 'fr']) })
  .strict();
export const UsedReplySchema = z.object({ text: z.string().max(20_000) });

export const DeskActionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('claim') }).strict(),
  z.object({ kind: z.literal('unassign') }).strict(),
  z.object({ kind: z.literal('pending') }).strict(),
  z.object({ kind: z.literal('snooze'), until: z.number().int().positive() }).strict(),
  z.object({ kind: z.literal('resolve') }).strict(),
  z.object({ kind: z.literal('reopen') }).strict(),
]);
export type DeskActionInput = z.infer<typeof DeskActionSchema>;

export const DeskChangeSchema = z.object({
  kind: z.enum(['message', 'note', 'reply']),
  at: z.number(),
  excerpt: z.string().max(300),
});
export type DeskChange = z.infer<typeof DeskChangeSchema>;

/** Inquiry charts are bucketed by hour, day or week, at most 1,000 buckets (more than a year of days). */
export const DESK_STATS_MAX_BUCKETS = 1_000;

/** One expert's (owner id, or '' for nobody yet) or one desk's (brand account id) inquiries in a period. */
export const DeskStatsRowSchema = z.object({
  key: z.string().max(2_048),
  conversations: z.number().int().nonnegative(),
  /** Conversations whose first response was sent. */
  responded: z.number().int().nonnegative(),
  /** Median wall-clock ms from the contact's first message to the first response; null with none yet. */
  medianFirstResponseMs: z.number().nonnegative().nullable(),
  /** First responses within the SLA target, and those that breached it (answered late or still waiting). */
  slaMet: z.number().int().nonnegative(),
  slaMissed: z.number().int().nonnegative(),
});
export type DeskStatsRow = z.infer<typeof DeskStatsRowSchema>;

export const DeskStatsSchema = z.object({
  /** Conversations started per bucket, oldest first, one entry per bucket of the period. */
  volume: z
    .array(z.object({ start: z.number(), conversations: z.number().int().nonnegative() }))
    .max(DESK_STATS_MAX_BUCKETS),
  experts: z.array(DeskStatsRowSchema).max(10_000),
  desks: z.array(DeskStatsRowSchema).max(10_000),
});
export type DeskStats = z.infer<typeof DeskStatsSchema>;

export const deskRequests = {
  'desk:list': {
    input: z
      .object({ view: z.enum(DESK_VIEWS), limit: z.number().int().min(1).max(20_000).optional() })
      .strict(),
    output: z.array(ConversationSummarySchema),
  },
  'desk:counts': { input: z.object({}).strict(), output: z.record(z.enum(DESK_VIEWS), z.number().int()) },
  /** Inquiry figures for the Analytics charts: conversations started in [from, to), by bucket, expert and desk. */
  'desk:stats': {
    input: z
      .object({
        from: z.number().int().nonnegative(),
        to: z.number().int().nonnegative(),
        bucketMs: z
          .number()
          .int()
          .min(3_600_000)
          .max(7 * 86_400_000),
      })
      .strict()
      .refine((r) => r.to > r.from, 'The period must end after it starts.')
      .refine(
        (r) => (r.to - r.from) / r.bucketMs <= DESK_STATS_MAX_BUCKETS,
        `At most ${DESK_STATS_MAX_BUCKETS} buckets.`,
      ),
    output: DeskStatsSchema,
  },
  'desk:conversation': { input: z.object({ id: Id }).strict(), output: ConversationDetailSchema },
  'desk:act': {
    input: z.object({ id: Id, action: DeskActionSchema }).strict(),
    output: ConversationSummarySchema,
  },
  /** Internal notes stay on this desk: no code path sends one to a network. */
  'desk:addNote': {
    input: z.object({ id: Id, text: z.string().trim().min(1).max(5_000) }).strict(),
    output: DeskNoteSchema,
  },
  /** The collision guard: what arrived in the conversation since the reply's draft began. */
  'desk:changesSince': {
    input: z.object({ id: Id, since: z.number().int().nonnegative() }).strict(),
    output: z.array(DeskChangeSchema),
  },
  /** Records a reply the outbox accepted, so the conversation and its SLA clocks move on. */
  'desk:recordReply': {
    input: z.object({ id: Id, jobId: z.string().min(1).max(64), text: z.string().max(20_000) }).strict(),
    output: ConversationSummarySchema,
  },
  /** Asks for the accounts' mentions now instead of at the next background poll. */
  'desk:refresh': { input: z.object({}).strict(), output: z.object({ sources: z.number().int() }) },
  /** Skills, priority rules (with VIP contacts) and the SLA policy with its business-hours calendar. */
  'desk:settings': { input: z.object({}).strict(), output: DeskSettingsSchema },
  /**
   * Replaces the settings whole. One bad entry refuses all of it (invalid_input, one issue per entry, nothing
   * written); accepted settings apply to the next conversation routed or recomputed.
   */
  'desk:updateSettings': { input: DeskSettingsSchema, output: DeskSettingsSchema },
  'desk:savedReplies': { input: z.object({}).strict(), output: z.array(SavedReplySchema) },
  'desk:saveReply': {
    input: SaveReplyInputSchema,
    output: SavedReplySchema,
  },
  'desk:deleteReply': { input: z.object({ id: Id }).strict(), output: z.object({ deleted: z.boolean() }) },
  /** Fills a saved reply's variables for a conversation and counts the use. */
  'desk:useReply': {
    input: UseReplyInputSchema,
    output: UsedReplySchema,
  },
};

export const deskEvents = {
  /** Conversations changed (a message arrived, a state moved, a clock warned); the Inbox reloads them. */
  'desk:changed': z.object({ ids: z.array(Id).max(1_000) }),
};
