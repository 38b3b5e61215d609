// Expiry of approval requests at their scheduled time, with real timers: one timeout for the earliest
// pending deadline, re-armed after each run and whenever a request with an earlier deadline is made. Expiring
// settles the post (never sent) and appends the request's change, which the feed sends to the author at once.
// Every server process sharing a PostgreSQL database runs one; the state check makes a second run a no-op.
import { expire } from '../../src-shared/approvals/approval-machine.ts';
import type { FeedControl } from '../handlers/context.ts';
import { appendAudit } from '../storage/audit-log.ts';
import type { SqlEngine } from '../storage/sql-engine.ts';
import { settlePost } from './approval-flow.ts';
import { nextDeadline, overdueApprovals, saveApproval } from './approval-store.ts';

export interface ApprovalExpiry {
  /** A request with this deadline was made (null: none); the timer fires no later than it. */
  scheduleExpiry(at: number | null): void;
  /** Expires every overdue pending request now; returns how many. */
  expireDue(): Promise<number>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** setTimeout's limit; a later deadline is re-armed when the timer fires. */
const MAX_DELAY_MS = 2_147_000_000;

export function createApprovalExpiry(deps: {
  readonly engine: SqlEngine;
  readonly feed: FeedControl;
  readonly now: () => number;
  readonly log: (message: string) => void;
}): ApprovalExpiry {
  let timer: NodeJS.Timeout | null = null;
  let armedFor: number | null = null;
  let running: Promise<number> = Promise.resolve(0);
  let stopped = false;

  const arm = (at: number | null) => {
    if (stopped || at === null || (armedFor !== null && armedFor <= at)) return;
    if (timer) clearTimeout(timer);
    armedFor = at;
    timer = setTimeout(fire, Math.min(MAX_DELAY_MS, Math.max(0, at - deps.now())));
    timer.unref();
  };

  const expireDue = (): Promise<number> => {
    running = running.then(async () => {
      const at = deps.now();
      const count = await deps.engine.transaction(async (tx) => {
        const due = await overdueApprovals(tx, at);
        for (const { accountId, request } of due) {
          const expired = expire(request, at);
          if (!expired) continue;
          await saveApproval(tx, accountId, expired, null);
          await settlePost(tx, at, expired.postId, 'expired', null);
          await appendAudit(tx, {
            at,
            actorType: 'system',
            memberId: null,
            deviceId: null,
            action: 'approvals:expire',
            target: expired.id,
            before: { state: 'pending' },
            after: { state: 'expired', authorId: expired.authorId },
            requestId: null,
            clientAddress: null,
            result: 'ok',
          });
        }
        return due.length;
      });
      if (count > 0) deps.feed.wake();
      return count;
    });
    return running;
  };

  function fire(): void {
    timer = null;
    armedFor = null;
    void expireDue()
      .then(() => nextDeadline(deps.engine))
      .then((next) => arm(next))
      .catch((error: unknown) => {
        deps.log(`approval expiry failed: ${String(error)}`);
        // Try again shortly rather than leave a deadline unwatched.
        arm(deps.now() + 1_000);
      });
  }

  return {
    scheduleExpiry: arm,
    expireDue,
    async start() {
      await expireDue();
      arm(await nextDeadline(deps.engine));
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running.catch(() => 0);
    },
  };
}
