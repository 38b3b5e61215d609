// The governance part of the contract: the publishing policy main enforces (organisation domains, the
// user's block list, blocked terms, quiet hours, guard levels), read and replaced whole, and carried as JSON.
import { GUARD_IDS } from '../guards/types.ts';
import { z } from '../zod.ts';

/** Large enough for a real policy, small enough that a hostile caller cannot make main hold megabytes. */
export const MAX_POLICY_JSON_CHARS = 512_000;
export const MAX_BLOCK_LIST_CHARS = 200_000;

const Empty = z.object({}).strict();
const Clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

export const QuietHoursSchema = z
  .object({ start: Clock, end: Clock, timeZone: z.string().min(1).max(64) })
  .strict();

/** The policy as the screen edits it and as export/import carry it. */
export const GovernancePolicySchema = z
  .object({
    orgDomains: z.array(z.string().trim().min(1).max(253)).max(500),
    blockedTerms: z.array(z.string().trim().min(1).max(200)).max(2_000),
    /** Quiet hours per account id; `*` applies to accounts without their own. */
    quietHours: z.record(z.string().min(1).max(64), QuietHoursSchema),
    levels: z.partialRecord(z.enum(GUARD_IDS), z.enum(['block', 'confirm', 'warn'])),
    /** The user's own block list, as text: one domain per line, `#` starts a comment. */
    blockList: z.string().max(MAX_BLOCK_LIST_CHARS),
  })
  .strict();
export type GovernancePolicy = z.infer<typeof GovernancePolicySchema>;

export const GovernanceViewSchema = z.object({
  policy: GovernancePolicySchema,
  /** The domains of the lists shipped with Roost, read-only, shown beside the user's own. */
  shippedBlockList: z.array(z.string().max(253)).max(10_000),
  /** Domains taken from the connected accounts that are not yet organisation domains, for the admin to accept. */
  suggestedDomains: z.array(z.string().max(253)).max(500),
  /**
   * Set when this desktop is in a team: the policy shown is the team server's, at `version`; only owners
   * and admins may change it (`editable`), everyone else sees it read-only.
   */
  team: z
    .object({
      editable: z.boolean(),
      version: z.number().int().nonnegative(),
      /** False when the server could not be reached and the copy the feed last brought is shown. */
      live: z.boolean(),
    })
    .nullable()
    .optional(),
});
export type GovernanceView = z.infer<typeof GovernanceViewSchema>;

export const governanceRequests = {
  'governance:get': { input: Empty, output: GovernanceViewSchema },
  /** Replaces the whole policy; main checks every domain and block-list line before anything is written. */
  'governance:update': {
    input: z
      .object({
        policy: GovernancePolicySchema,
        /** In a team: the version the admin edited, so another admin's newer save is not overwritten. */
        teamVersion: z.number().int().nonnegative().optional(),
      })
      .strict(),
    output: GovernanceViewSchema,
  },
  'governance:export': { input: Empty, output: z.object({ json: z.string().max(MAX_POLICY_JSON_CHARS) }) },
  /** The JSON an export produced; refused whole when any part of it is wrong. */
  'governance:import': {
    input: z.object({ json: z.string().min(1).max(MAX_POLICY_JSON_CHARS) }).strict(),
    output: GovernanceViewSchema,
  },
} as const;
