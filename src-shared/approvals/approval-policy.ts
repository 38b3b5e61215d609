// An approval policy: 1 to 3 sequential steps; each step names who may sign it off (members, a role and the
// roles above it, or a desk) and whether any one of them or all of them must. Pure zod, shared by the
// server (which stores and enforces it) and the app (which shows it).
import { z } from '../zod.ts';

const Ulid = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'a ULID');
export const APPROVER_ROLES = ['owner', 'admin', 'lead', 'expert', 'limited'] as const;

export const ApproversSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('members'), memberIds: z.array(Ulid).min(1).max(50) }).strict(),
  /** Members holding this role or a higher one. */
  z.object({ kind: z.literal('role'), role: z.enum(APPROVER_ROLES) }).strict(),
  /** Members of an inquiry desk. */
  z.object({ kind: z.literal('desk'), deskId: z.string().min(1).max(64) }).strict(),
]);
export type Approvers = z.infer<typeof ApproversSchema>;

export const QuorumSchema = z.enum(['any', 'all']);
export type Quorum = z.infer<typeof QuorumSchema>;

export const ApprovalStepSchema = z.object({ approvers: ApproversSchema, quorum: QuorumSchema }).strict();
export type ApprovalStep = z.infer<typeof ApprovalStepSchema>;

export const ApprovalPolicySchema = z.object({ steps: z.array(ApprovalStepSchema).min(1).max(3) }).strict();
export type ApprovalPolicy = z.infer<typeof ApprovalPolicySchema>;

/** Without a policy of its own, a brand account's content needs one sign-off from a lead or above. */
export const DEFAULT_APPROVAL_POLICY: ApprovalPolicy = {
  steps: [{ approvers: { kind: 'role', role: 'lead' }, quorum: 'any' }],
};
