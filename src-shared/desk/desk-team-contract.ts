// The inquiry desk's methods on the team server (spread into team-contract.ts's table). The server is the one
// clock and the one lock: it turns the brand accounts' mentions into conversations, routes them to experts,
// computes SLA deadlines and sends replies through its exactly-once brand outbox. Shapes reuse the desktop's
// desk contract, so the Inbox shows a team conversation exactly as it shows one of a team of one; what only a
// team has (owners by member, note authors and @mentions, experts and their availability, presence) is added
// here.
import { z } from '../zod.ts';
import {
  ConversationSummarySchema,
  DeskActionSchema,
  DeskChangeSchema,
  DeskMessageSchema,
  SavedReplySchema,
  SaveReplyInputSchema,
  UseReplyInputSchema,
  UsedReplySchema,
} from '../contract/desk-contract.ts';
import { DeskSettingsSchema } from '../contract/desk-settings-schema.ts';
import { BrandPostSchema } from '../team/brand-post-schema.ts';

const Ulid = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'a ULID');
const Id = z.string().min(1).max(128);
const Time = z.number().int().nonnegative();
const Empty = z.object({}).strict();

/** The team's views add `team` (everything open on the accounts the member can see) to a team of one's. */
export const TEAM_DESK_VIEWS = [
  'mine',
  'unassigned',
  'team',
  'pending',
  'snoozed',
  'resolved',
  'breaching',
] as const;
export type TeamDeskView = (typeof TEAM_DESK_VIEWS)[number];

/** A team conversation: the desk's summary with its owner's name and the member who last changed it. */
export const TeamConversationSchema = ConversationSummarySchema.extend({
  ownerName: z.string().max(80).nullable(),
  /** The record's version: actions name it, so two experts acting at once cannot both win. */
  version: z.number().int().positive(),
});
export type TeamConversation = z.infer<typeof TeamConversationSchema>;

/** An internal note: team only, never sent to a network. Only the members in `mentions` are notified. */
export const TeamNoteSchema = z.object({
  id: Ulid,
  conversationId: Id,
  authorId: Ulid,
  authorName: z.string().max(80),
  text: z.string().max(5_000),
  mentions: z.array(Ulid).max(50),
  createdAt: Time,
});
export type TeamNote = z.infer<typeof TeamNoteSchema>;

export const TeamConversationDetailSchema = z.object({
  summary: TeamConversationSchema,
  messages: z.array(DeskMessageSchema),
  notes: z.array(TeamNoteSchema),
  history: z.array(TeamConversationSchema),
});
export type TeamConversationDetail = z.infer<typeof TeamConversationDetailSchema>;

/** Manual moves: a team of one's, plus assigning to a named member. */
export const TeamDeskActionSchema = z.union([
  DeskActionSchema,
  z.object({ kind: z.literal('assign'), memberId: Ulid }).strict(),
]);
export type TeamDeskAction = z.infer<typeof TeamDeskActionSchema>;

export const EXPERT_AVAILABILITY = ['available', 'away', 'offline'] as const;

const PeriodSchema = z.object({ start: z.string().max(5), end: z.string().max(5) }).strict();
const LocalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date (YYYY-MM-DD)');

/** What a desk admin sets for an expert. */
export const ExpertProfileSchema = z
  .object({
    skills: z.array(z.string().max(64)).max(50),
    capacity: z.number().int().min(0).max(1_000),
    timeZone: z.string().min(1).max(64),
    /** Seven days, Sunday first; each a list of periods in the expert's own time zone. */
    week: z.array(z.array(PeriodSchema).max(6)).length(7),
    outOfOffice: z.array(z.object({ from: LocalDate, to: LocalDate }).strict()).max(50),
  })
  .strict();
export type ExpertProfile = z.infer<typeof ExpertProfileSchema>;

export const ExpertSchema = ExpertProfileSchema.extend({
  memberId: Ulid,
  displayName: z.string().max(80),
  /** `offline` is computed: no feed connection from any of the member's devices for longer than the grace. */
  availability: z.enum(EXPERT_AVAILABILITY),
  awayReason: z.string().max(80).nullable(),
  openAssigned: z.number().int().nonnegative(),
  lastAssignedAt: Time.nullable(),
});
export type Expert = z.infer<typeof ExpertSchema>;

/** How the team's desk routes, on top of a team of one's settings (skills, priority rules, SLA policy). */
export const TeamDeskSettingsSchema = z
  .object({
    desk: DeskSettingsSchema,
    order: z.enum(['round_robin', 'balanced']),
    skillsTimeoutMinutes: z.number().int().min(1).max(10_080).nullable(),
    hourlyCap: z.number().int().min(1).max(1_000).nullable(),
    awayReasons: z.array(z.string().trim().min(1).max(80)).max(20),
    /** How long a member may be disconnected before counting as offline. */
    offlineGraceMinutes: z.number().int().min(1).max(1_440),
  })
  .strict();
export type TeamDeskSettings = z.infer<typeof TeamDeskSettingsSchema>;

export const PRESENCE_ACTIVITIES = ['viewing', 'replying'] as const;
/** How long a presence lasts unless renewed; desktops renew it while the pane is open. */
export const PRESENCE_TTL_MS = 15_000;

/** Who is viewing or replying to a conversation: sent on the feed as it happens, never stored. */
export const PresenceSchema = z.object({
  conversationId: Id,
  accountId: Ulid,
  memberId: Ulid,
  displayName: z.string().max(80),
  activity: z.enum(PRESENCE_ACTIVITIES).nullable(),
  expiresAt: Time,
});
export type Presence = z.infer<typeof PresenceSchema>;

/** A reply either went to the brand outbox (or to approval), or was held by the collision guard. */
export const TeamReplyResultSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('sent'), post: BrandPostSchema, summary: TeamConversationSchema }),
  /** Something arrived since the draft began: nothing was sent; the expert sends anyway, edits or discards. */
  z.object({ outcome: z.literal('held'), changes: z.array(DeskChangeSchema).max(200) }),
]);
export type TeamReplyResult = z.infer<typeof TeamReplyResultSchema>;

export const deskTeamRequests = {
  'conversations:list': {
    input: z
      .object({ view: z.enum(TEAM_DESK_VIEWS), limit: z.number().int().min(1).max(20_000).optional() })
      .strict(),
    output: z.array(TeamConversationSchema),
  },
  'conversations:counts': { input: Empty, output: z.record(z.enum(TEAM_DESK_VIEWS), z.number().int()) },
  'conversations:get': { input: z.object({ id: Id }).strict(), output: TeamConversationDetailSchema },
  /** `version` is the one the member saw; a conversation changed since is refused with `conflict`. */
  'conversations:act': {
    input: z.object({ id: Id, version: z.number().int().positive(), action: TeamDeskActionSchema }).strict(),
    output: TeamConversationSchema,
  },
  /** The same action on many conversations; each one that cannot move is reported, the others move. */
  'conversations:bulkAct': {
    input: z.object({ ids: z.array(Id).min(1).max(500), action: TeamDeskActionSchema }).strict(),
    output: z.object({
      moved: z.array(TeamConversationSchema),
      refused: z.array(z.object({ id: Id, reason: z.string().max(300) })),
    }),
  },
  'conversations:addNote': {
    input: z
      .object({ id: Id, text: z.string().trim().min(1).max(5_000), mentions: z.array(Ulid).max(50) })
      .strict(),
    output: TeamNoteSchema,
  },
  'conversations:changesSince': {
    input: z.object({ id: Id, since: Time }).strict(),
    output: z.array(DeskChangeSchema),
  },
  /**
   * Replies as the conversation's brand account through the server's outbox, with the brand guards, the
   * member's access and approvals. Held when the conversation received a message, note or reply after
   * `draftStartedAt`, unless `sendAnyway`.
   */
  'conversations:reply': {
    input: z
      .object({
        id: Id,
        text: z.string().trim().min(1).max(3_000),
        draftStartedAt: Time,
        sendAnyway: z.boolean(),
        acknowledged: z.array(z.string().max(200)).max(50).optional(),
      })
      .strict(),
    output: TeamReplyResultSchema,
  },
  /** Says this member is viewing or replying (null: stopped); lasts PRESENCE_TTL_MS unless renewed. */
  'conversations:presence': {
    input: z.object({ id: Id, activity: z.enum(PRESENCE_ACTIVITIES).nullable() }).strict(),
    output: z.array(PresenceSchema),
  },
  'experts:list': { input: Empty, output: z.array(ExpertSchema) },
  /** Leads and admins set an expert's skills, capacity, hours and out-of-office dates. */
  'experts:update': {
    input: z.object({ memberId: Ulid, profile: ExpertProfileSchema }).strict(),
    output: ExpertSchema,
  },
  /** A member sets their own availability (away needs one of the settings' reasons). */
  'experts:setAvailability': {
    input: z
      .object({ availability: z.enum(['available', 'away']), awayReason: z.string().max(80).nullable() })
      .strict(),
    output: ExpertSchema,
  },
  'deskSettings:get': { input: Empty, output: TeamDeskSettingsSchema },
  'deskSettings:update': { input: TeamDeskSettingsSchema, output: TeamDeskSettingsSchema },
  'savedReplies:list': { input: Empty, output: z.array(SavedReplySchema) },
  'savedReplies:save': {
    input: SaveReplyInputSchema,
    output: SavedReplySchema,
  },
  'savedReplies:delete': { input: z.object({ id: Id }).strict(), output: z.object({ deleted: z.boolean() }) },
  'savedReplies:use': {
    input: UseReplyInputSchema,
    output: UsedReplySchema,
  },
} as const;

export const MUTATING_DESK_METHODS = [
  'conversations:act',
  'conversations:bulkAct',
  'conversations:addNote',
  'conversations:reply',
  'experts:update',
  'experts:setAvailability',
  'deskSettings:update',
  'savedReplies:save',
  'savedReplies:delete',
  'savedReplies:use',
] as const;
