// The approval state machine on its own: quorum, order of steps, who may decide, supersede and expiry on a
// fake clock (the clock is just the `now` passed in).
import { describe, expect, it } from 'vitest';
import {
  addNote,
  approve,
  expire,
  newApprovalRequest,
  reject,
  supersede,
  waitingApprovers,
  type ApprovalRequest,
  type Transition,
} from '../../../src-shared/approvals/approval-machine.ts';

const AUTHOR = '01J0000000000000000000AUTH';
const ANN = '01J00000000000000000000ANN';
const BOB = '01J00000000000000000000B0B';
const CID = '01J00000000000000000000C1D';
const T0 = 1_800_000_000_000;

function request(
  steps: { quorum: 'any' | 'all'; approverIds: string[] }[],
  scheduledAt: number | null = null,
): ApprovalRequest {
  return newApprovalRequest({
    id: '01J0000000000000000000REQ1',
    authorId: AUTHOR,
    postId: null,
    snapshot: { text: 'Hello', mediaRefs: [], accountIds: ['acct'], kind: 'reply', scheduledAt },
    steps,
    now: T0,
  });
}

function ok(result: Transition): ApprovalRequest {
  if (!result.ok) throw new Error(`refused: ${result.refusal}`);
  return result.request;
}

describe('approval state machine', () => {
  it('approves on the first sign-off with quorum "any"', () => {
    const after = ok(approve(request([{ quorum: 'any', approverIds: [ANN, BOB] }]), BOB, T0 + 1));
    expect(after).toMatchObject({ state: 'approved', decidedBy: BOB, decidedAt: T0 + 1, version: 2 });
  });

  it('waits for every approver with quorum "all"', () => {
    const first = ok(approve(request([{ quorum: 'all', approverIds: [ANN, BOB] }]), ANN, T0 + 1));
    expect(first.state).toBe('pending');
    expect(waitingApprovers(first)).toEqual([BOB]);
    expect(approve(first, ANN, T0 + 2)).toEqual({ ok: false, refusal: 'already_signed' });
    expect(ok(approve(first, BOB, T0 + 3)).state).toBe('approved');
  });

  it('moves through sequential steps, and a later step cannot sign first', () => {
    const start = request([
      { quorum: 'any', approverIds: [ANN] },
      { quorum: 'any', approverIds: [BOB, CID] },
    ]);
    expect(approve(start, BOB, T0)).toEqual({ ok: false, refusal: 'not_an_approver' });
    const stepOne = ok(approve(start, ANN, T0));
    expect(stepOne).toMatchObject({ state: 'pending', currentStep: 1 });
    expect(ok(approve(stepOne, CID, T0)).state).toBe('approved');
  });

  it('refuses self-approval, even when the policy names the author', () => {
    const start = request([{ quorum: 'any', approverIds: [AUTHOR, ANN] }]);
    expect(start.steps[0]!.approverIds).toEqual([ANN]);
    expect(approve(start, AUTHOR, T0)).toEqual({ ok: false, refusal: 'self_approval' });
    expect(reject(start, AUTHOR, 'no', T0)).toEqual({ ok: false, refusal: 'self_approval' });
  });

  it('lets exactly one of two approvers at once decide: the second sees a decided request', () => {
    const start = request([{ quorum: 'any', approverIds: [ANN, BOB] }]);
    // Both saw the same pending request; decisions are applied one after the other.
    const byAnn = ok(approve(start, ANN, T0));
    expect(approve(byAnn, BOB, T0)).toEqual({ ok: false, refusal: 'not_pending' });
    expect(reject(byAnn, BOB, 'too late', T0)).toEqual({ ok: false, refusal: 'not_pending' });
  });

  it('rejects with a note, and refuses a rejection without one', () => {
    const start = request([{ quorum: 'all', approverIds: [ANN, BOB] }]);
    expect(reject(start, ANN, '   ', T0)).toEqual({ ok: false, refusal: 'note_required' });
    const rejected = ok(reject(ok(approve(start, ANN, T0)), BOB, ' Wrong link ', T0 + 5));
    expect(rejected).toMatchObject({ state: 'rejected', rejectionNote: 'Wrong link', decidedBy: BOB });
    expect(approve(rejected, BOB, T0 + 6)).toEqual({ ok: false, refusal: 'not_pending' });
  });

  it('is superseded only by its author, and then cannot be approved', () => {
    const start = request([{ quorum: 'any', approverIds: [ANN] }]);
    expect(supersede(start, ANN, 'NEW', T0)).toEqual({ ok: false, refusal: 'not_author' });
    const old = ok(supersede(start, AUTHOR, 'NEW', T0 + 1));
    expect(old).toMatchObject({ state: 'superseded', supersededBy: 'NEW' });
    expect(approve(old, ANN, T0 + 2)).toEqual({ ok: false, refusal: 'not_pending' });
    expect(supersede(old, AUTHOR, 'NEWER', T0 + 3)).toEqual({ ok: false, refusal: 'not_pending' });
  });

  it('expires at the scheduled time on a fake clock, not a millisecond before', () => {
    const due = T0 + 60_000;
    const start = request([{ quorum: 'any', approverIds: [ANN] }], due);
    expect(expire(start, due - 1)).toBeNull();
    expect(ok(approve(start, ANN, due - 1)).state).toBe('approved');
    expect(approve(start, ANN, due)).toEqual({ ok: false, refusal: 'expired' });
    expect(expire(start, due)).toMatchObject({ state: 'expired', decidedAt: due, version: 2 });
    // A request without a schedule never expires; a decided one is left alone.
    expect(expire(request([{ quorum: 'any', approverIds: [ANN] }]), due * 2)).toBeNull();
    expect(expire(ok(approve(start, ANN, due - 1)), due)).toBeNull();
  });

  it('takes internal notes from the author and approvers only', () => {
    const start = request([{ quorum: 'any', approverIds: [ANN] }]);
    expect(addNote(start, CID, 'hi', T0)).toEqual({ ok: false, refusal: 'not_an_approver' });
    const noted = ok(addNote(ok(addNote(start, ANN, 'Check the date', T0)), AUTHOR, 'Fixed', T0 + 1));
    expect(noted.notes.map((n) => n.text)).toEqual(['Check the date', 'Fixed']);
    expect(noted.state).toBe('pending');
  });
});
