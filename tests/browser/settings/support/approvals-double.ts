// The approvals part of the team double: requests kept in memory and decided with the real state machine
// (src-shared/approvals), so the queue sees the same states, refusals and quorum rules as on the server.
// The server itself is tested in tests/server/approvals.test.ts.
import type { Handlers } from '../../../../src-main/rpc/router.ts';
import { RoostError } from '../../../../src-shared/contract/errors.ts';
import type { ApprovalView } from '../../../../src-shared/approvals/approval-contract.ts';
import {
  approve,
  expire,
  newApprovalRequest,
  reject,
  waitingApprovers,
  addNote,
  type ApprovalRequest,
  type Transition,
} from '../../../../src-shared/approvals/approval-machine.ts';

export const APPROVER = '01JTEAM0000000000000000ME1';
const AUTHOR = '01JTEAM000000000000000EXP1';
const OTHER = '01JTEAM00000000000000LEAD1';
const AT = Date.UTC(2026, 11, 7, 13, 0);

export interface ApprovalsDouble {
  readonly handlers: Partial<Handlers>;
  get(id: string): ApprovalRequest;
  /** Another approver decides first, as on a second desktop. */
  decideElsewhere(id: string): void;
}

function seed(id: string, text: string, authorId: string, approverIds: string[], kind: 'post' | 'reply') {
  return newApprovalRequest({
    id,
    authorId,
    postId: null,
    snapshot: { text, mediaRefs: [], accountIds: ['acct'], kind, scheduledAt: AT + 3_600_000 },
    steps: [{ quorum: 'any', approverIds }],
    now: AT,
  });
}

export function createApprovalsDouble(): ApprovalsDouble {
  const requests = new Map<string, ApprovalRequest>();
  for (const r of [
    seed(
      '01JAPPR0000000000000000001',
      'Thanks for visiting the library!',
      AUTHOR,
      [APPROVER, OTHER],
      'reply',
    ),
    seed(
      '01JAPPR0000000000000000002',
      'Closed on Monday for the holiday.',
      AUTHOR,
      [APPROVER, OTHER],
      'post',
    ),
    seed('01JAPPR0000000000000000003', 'My own post waiting for a lead.', APPROVER, [OTHER], 'post'),
  ]) {
    requests.set(r.id, r);
  }
  const late = expire(
    seed('01JAPPR0000000000000000004', 'Event starts now!', AUTHOR, [APPROVER], 'post'),
    AT + 3_600_000,
  );
  requests.set(late!.id, late!);

  const apply = (id: string, change: (r: ApprovalRequest) => Transition): ApprovalRequest => {
    const current = requests.get(id);
    if (!current) throw new RoostError('not_found', 'The team server has no such record.');
    const result = change(current);
    if (!result.ok) {
      // As main reports the server's `conflict`.
      if (result.refusal === 'not_pending')
        throw new RoostError('invalid_input', 'Someone changed this record since it was shown.', [
          { path: 'version', message: 'conflict' },
        ]);
      throw new RoostError('forbidden', 'Your role in the team does not allow this.');
    }
    requests.set(id, result.request);
    return result.request;
  };
  const inView = (r: ApprovalRequest, view: ApprovalView) =>
    view === 'to_approve'
      ? waitingApprovers(r).includes(APPROVER)
      : view === 'mine'
        ? r.authorId === APPROVER
        : r.state === (view === 'rejected' ? 'rejected' : 'expired');
  const now = () => AT + 60_000;

  return {
    handlers: {
      'team:approvals': (input) =>
        [...requests.values()]
          .filter((r) => inView(r, input.view))
          .map((request) => ({
            request,
            accountHandle: 'library.example',
            authorName: request.authorId === APPROVER ? 'Ada' : 'Esther',
          })),
      'team:approve': (input) => apply(input.id, (r) => approve(r, APPROVER, now())),
      'team:reject': (input) => apply(input.id, (r) => reject(r, APPROVER, input.note, now())),
      'team:noteApproval': (input) => apply(input.id, (r) => addNote(r, APPROVER, input.text, now())),
    },
    get: (id) => requests.get(id)!,
    decideElsewhere(id) {
      apply(id, (r) => approve(r, OTHER, now()));
    },
  };
}
