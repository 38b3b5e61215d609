// The approval state machine, pure: no clock, no storage. A request holds an immutable snapshot of what will
// be published and moves through its policy's steps in order; each step's approvers were resolved to member
// ids when the request was made, so "all" means the same people from start to finish.
//   pending ──last step signed off──▶ approved
//   pending ──any approver rejects (with a note)──▶ rejected
//   pending ──its scheduled time passes──▶ expired
//   pending ──the author edits (a new request)──▶ superseded
// Every function returns a new request or a refusal; nothing is mutated.
import { z } from '../zod.ts';
import { QuorumSchema } from './approval-policy.ts';

const Ulid = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'a ULID');
const Time = z.number().int().nonnegative();

export const APPROVAL_STATES = ['pending', 'approved', 'rejected', 'expired', 'superseded'] as const;
export type ApprovalState = (typeof APPROVAL_STATES)[number];

/** What the approvers see and what is published once approved; never changes after the request is made. */
export const ApprovalSnapshotSchema = z.object({
  text: z.string(),
  mediaRefs: z.array(z.string()),
  accountIds: z.array(z.string()),
  kind: z.enum(['post', 'reply']),
  /** When the content is meant to go out; not approved by then, the request expires. Null: no deadline. */
  scheduledAt: Time.nullable(),
});
export type ApprovalSnapshot = z.infer<typeof ApprovalSnapshotSchema>;

export const ResolvedStepSchema = z.object({
  quorum: QuorumSchema,
  /** Who may sign this step off (the author is never among them). */
  approverIds: z.array(z.string()),
  /** Who signed it off, in order. */
  approvedBy: z.array(z.string()),
});
export type ResolvedStep = z.infer<typeof ResolvedStepSchema>;

export const ApprovalNoteSchema = z.object({ memberId: z.string(), text: z.string(), at: Time });

export const ApprovalRequestSchema = z.object({
  id: Ulid,
  authorId: z.string(),
  /** The brand post this request publishes once approved. */
  postId: z.string().nullable(),
  snapshot: ApprovalSnapshotSchema,
  steps: z.array(ResolvedStepSchema).min(1).max(3),
  /** Index of the step waiting for sign-off (equals steps.length once approved). */
  currentStep: z.number().int().nonnegative(),
  state: z.enum(APPROVAL_STATES),
  decidedBy: z.string().nullable(),
  decidedAt: Time.nullable(),
  /** The rejection's note. */
  rejectionNote: z.string().nullable(),
  supersededBy: z.string().nullable(),
  /** Internal notes the team wrote on the request (not published). */
  notes: z.array(ApprovalNoteSchema),
  createdAt: Time,
  updatedAt: Time,
  version: z.number().int().positive(),
});
export type ApprovalRequest = z.infer<typeof ApprovalRequestSchema>;

export type ApprovalRefusal =
  | 'self_approval'
  | 'not_an_approver'
  | 'already_signed'
  | 'not_pending'
  | 'expired'
  | 'not_author'
  | 'note_required';

export type Transition =
  | { readonly ok: true; readonly request: ApprovalRequest }
  | { readonly ok: false; readonly refusal: ApprovalRefusal };

const refuse = (refusal: ApprovalRefusal): Transition => ({ ok: false, refusal });

export function newApprovalRequest(fields: {
  id: string;
  authorId: string;
  postId: string | null;
  snapshot: ApprovalSnapshot;
  steps: readonly { quorum: 'any' | 'all'; approverIds: readonly string[] }[];
  now: number;
}): ApprovalRequest {
  return {
    id: fields.id,
    authorId: fields.authorId,
    postId: fields.postId,
    snapshot: fields.snapshot,
    // Nobody approves their own content, whatever the policy resolved to.
    steps: fields.steps.map((step) => ({
      quorum: step.quorum,
      approverIds: [...new Set(step.approverIds)].filter((id) => id !== fields.authorId),
      approvedBy: [],
    })),
    currentStep: 0,
    state: 'pending',
    decidedBy: null,
    decidedAt: null,
    rejectionNote: null,
    supersededBy: null,
    notes: [],
    createdAt: fields.now,
    updatedAt: fields.now,
    version: 1,
  };
}

/** Past its scheduled time a pending request can only expire. */
export function isOverdue(request: ApprovalRequest, now: number): boolean {
  return (
    request.state === 'pending' &&
    request.snapshot.scheduledAt !== null &&
    now >= request.snapshot.scheduledAt
  );
}

function checkDecider(request: ApprovalRequest, memberId: string, now: number): ApprovalRefusal | null {
  if (request.state !== 'pending') return 'not_pending';
  if (isOverdue(request, now)) return 'expired';
  if (memberId === request.authorId) return 'self_approval';
  const step = request.steps[request.currentStep];
  if (!step || !step.approverIds.includes(memberId)) return 'not_an_approver';
  if (step.approvedBy.includes(memberId)) return 'already_signed';
  return null;
}

/** Who may sign off the step now waiting (empty once the request is no longer pending). */
export function waitingApprovers(request: ApprovalRequest): readonly string[] {
  if (request.state !== 'pending') return [];
  const step = request.steps[request.currentStep];
  return step ? step.approverIds.filter((id) => !step.approvedBy.includes(id)) : [];
}

export function approve(request: ApprovalRequest, memberId: string, now: number): Transition {
  const refusal = checkDecider(request, memberId, now);
  if (refusal) return refuse(refusal);
  const steps = request.steps.map((step, index) =>
    index === request.currentStep ? { ...step, approvedBy: [...step.approvedBy, memberId] } : step,
  );
  const step = steps[request.currentStep]!;
  const stepDone = step.quorum === 'any' || step.approverIds.every((id) => step.approvedBy.includes(id));
  const currentStep = stepDone ? request.currentStep + 1 : request.currentStep;
  const approved = currentStep >= steps.length;
  return {
    ok: true,
    request: {
      ...request,
      steps,
      currentStep,
      state: approved ? 'approved' : 'pending',
      decidedBy: approved ? memberId : null,
      decidedAt: approved ? now : null,
      updatedAt: now,
      version: request.version + 1,
    },
  };
}

export function reject(request: ApprovalRequest, memberId: string, note: string, now: number): Transition {
  const refusal = checkDecider(request, memberId, now);
  if (refusal) return refuse(refusal);
  if (note.trim() === '') return refuse('note_required');
  return {
    ok: true,
    request: {
      ...request,
      state: 'rejected',
      decidedBy: memberId,
      decidedAt: now,
      rejectionNote: note.trim(),
      updatedAt: now,
      version: request.version + 1,
    },
  };
}

/** Expires a pending request whose scheduled time has come; anything else is left as it is (null). */
export function expire(request: ApprovalRequest, now: number): ApprovalRequest | null {
  if (!isOverdue(request, now)) return null;
  return {
    ...request,
    state: 'expired',
    decidedBy: null,
    decidedAt: now,
    updatedAt: now,
    version: request.version + 1,
  };
}

/** The author's edit made `replacementId`: the old request can no longer be approved. */
export function supersede(
  request: ApprovalRequest,
  memberId: string,
  replacementId: string,
  now: number,
): Transition {
  if (memberId !== request.authorId) return refuse('not_author');
  if (request.state !== 'pending') return refuse('not_pending');
  return {
    ok: true,
    request: {
      ...request,
      state: 'superseded',
      supersededBy: replacementId,
      decidedAt: now,
      updatedAt: now,
      version: request.version + 1,
    },
  };
}

/** Internal notes can be added by the author and every approver of any step, in any state. */
export function addNote(request: ApprovalRequest, memberId: string, text: string, now: number): Transition {
  const involved =
    memberId === request.authorId || request.steps.some((s) => s.approverIds.includes(memberId));
  if (!involved) return refuse('not_an_approver');
  if (text.trim() === '') return refuse('note_required');
  return {
    ok: true,
    request: {
      ...request,
      notes: [...request.notes, { memberId, text: text.trim(), at: now }],
      updatedAt: now,
      version: request.version + 1,
    },
  };
}
