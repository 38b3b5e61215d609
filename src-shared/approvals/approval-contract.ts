// The approvals methods of the team API (spread into team-contract.ts's table): request, decide, note, list,
// and each brand account's policy. A request's record is the state machine's (approval-machine.ts).
import { z } from '../zod.ts';
import { PostRefSchema } from '../compose/post.ts';
import { ApprovalRequestSchema } from './approval-machine.ts';
import { ApprovalPolicySchema } from './approval-policy.ts';

const Ulid = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'a ULID');
const Time = z.number().int().nonnegative();
const NoteText = z.string().trim().min(1).max(2_000);

export const APPROVAL_VIEWS = ['to_approve', 'mine', 'rejected', 'expired'] as const;
export type ApprovalView = (typeof APPROVAL_VIEWS)[number];

/** A request as listed: the record and the brand account it publishes to, for display. */
export const ApprovalListItemSchema = z.object({
  request: ApprovalRequestSchema,
  accountHandle: z.string(),
  authorName: z.string(),
});
export type ApprovalListItem = z.infer<typeof ApprovalListItemSchema>;

export const approvalRequests = {
  /**
   * Asks for approval of a post or reply as a brand account (members who may publish directly can ask too).
   * `supersedes` names the author's earlier pending request this edit replaces. Guards run now, as for a post.
   */
  'approvals:request': {
    input: z
      .object({
        accountId: Ulid,
        text: z.string().trim().min(1).max(3_000),
        replyTo: PostRefSchema.nullable(),
        language: z.string().max(64).nullable().optional(),
        acknowledged: z.array(z.string().max(200)).max(50).optional(),
        /** Not approved by then, the request expires and nothing is published. */
        scheduledAt: Time.nullable().optional(),
        supersedes: Ulid.optional(),
      })
      .strict(),
    output: ApprovalRequestSchema,
  },
  'approvals:approve': { input: z.object({ id: Ulid }).strict(), output: ApprovalRequestSchema },
  'approvals:reject': {
    input: z.object({ id: Ulid, note: NoteText }).strict(),
    output: ApprovalRequestSchema,
  },
  /** An internal note on a request, seen by its author and approvers; never published. */
  'approvals:note': { input: z.object({ id: Ulid, text: NoteText }).strict(), output: ApprovalRequestSchema },
  'approvals:list': {
    input: z.object({ view: z.enum(APPROVAL_VIEWS) }).strict(),
    output: z.array(ApprovalListItemSchema).max(200),
  },
  'approvals:setPolicy': {
    input: z.object({ accountId: Ulid, policy: ApprovalPolicySchema.nullable() }).strict(),
    output: z.object({ accountId: Ulid, policy: ApprovalPolicySchema, updatedAt: Time }),
  },
  'approvals:policy': {
    input: z.object({ accountId: Ulid }).strict(),
    output: z.object({ accountId: Ulid, policy: ApprovalPolicySchema, custom: z.boolean() }),
  },
} as const;

export const MUTATING_APPROVAL_METHODS = [
  'approvals:request',
  'approvals:approve',
  'approvals:reject',
  'approvals:note',
  'approvals:setPolicy',
] as const;
