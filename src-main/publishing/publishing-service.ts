// The publishing side of the contract: guard preflight and clearance, the outbox (submit, cancel, list,
// reschedule, overdue decisions) and best-time suggestions. The engine does the sending.
import { randomUUID } from 'node:crypto';
import { monotonicFactory } from 'ulid';
import { RoostError } from '../../src-shared/contract/errors.ts';
import type { OutboxJob } from '../../src-shared/contract/publishing-contract.ts';
import type { OutgoingPost } from '../../src-shared/compose/post.ts';
import type { Account } from '../../src-shared/domain/account.ts';
import { publishingRules, publishingRulesOf } from '../connectors/publishing-rules.ts';
import type { Random } from '../runtime/timing.ts';
import { suggestBestTimes, type BestTimes, type EngagementSample } from './best-times.ts';
import type { ContentAction } from '../../src-shared/compose/content-action.ts';
import { actionJob, checkContentAction } from './content-action-job.ts';
import type { ActionClearInput, GuardGate, Preflight, ClearInput } from './guard-gate.ts';
import type { OutboxEngine } from './outbox-engine.ts';
import { SERVER_SCHEDULE_MIN_MS, wakeAfterHold } from './outbox-engine.ts';
import { CANCELLABLE_STATES, isPostJob, toContractJob, type StoredJob } from './outbox-job.ts';
import type { OutboxRepository } from './outbox-repository.ts';
import type { PublishGateway } from './publish-gateway.ts';
import { postJobs } from './post-jobs.ts';
import { THREAD_CANCELLED, waitsForPrevious } from './thread-chain.ts';

export interface PublishingServiceDeps {
  readonly repo: OutboxRepository;
  readonly engine: OutboxEngine;
  readonly gateway: PublishGateway;
  readonly guards: GuardGate;
  readonly account: (id: string) => Account | null;
  readonly now: () => number;
  readonly random: Random;
  readonly graceMs: number;
  readonly timeZone: () => string;
  /** Engagement counts for sent posts, when the connector can fetch them. */
  readonly engagement?: (jobs: readonly StoredJob[]) => Promise<readonly EngagementSample[]>;
  readonly serverScheduleMinMs?: number;
}

export interface SubmitInput {
  readonly draftId: string | null;
  readonly post: OutgoingPost;
  readonly clearanceId: string | null;
  readonly undoSeconds: number;
  readonly campaign: string | null;
}

export interface SubmitActionInput {
  readonly action: ContentAction;
  readonly clearanceId: string | null;
  readonly undoSeconds: number;
}

export interface PublishingService {
  preflight(post: OutgoingPost): Preflight;
  clear(input: ClearInput): { clearanceId: string; expiresAt: string };
  submit(input: SubmitInput): { jobs: OutboxJob[] };
  preflightAction(action: ContentAction): Preflight;
  clearAction(input: ActionClearInput): { clearanceId: string; expiresAt: string };
  /** A repost, unrepost or delete through the same guards, undo window and exactly-once outbox as a post. */
  submitAction(input: SubmitActionInput): { jobs: OutboxJob[] };
  /** Sends a failed or stuck job again with its own record key / Idempotency-Key. */
  retry(jobId: string): OutboxJob;
  cancel(jobId: string): Promise<{ cancelled: boolean }>;
  list(filter: { from?: string; to?: string; accountIds?: string[]; campaign?: string }): OutboxJob[];
  reschedule(jobId: string, scheduledAt: string): Promise<OutboxJob>;
  resolveOverdue(jobId: string, decision: 'send' | 'cancel'): OutboxJob;
  bestTimes(accountId: string): Promise<BestTimes>;
}

const CANCELLABLE = new Set<string>(CANCELLABLE_STATES);
const HISTORY_LIST_MS = 91 * 24 * 3_600_000;
// Ids created together sort in creation order, so a thread's posts list in their order.
const ulid = monotonicFactory();

export function createPublishingService(deps: PublishingServiceDeps): PublishingService {
  const serverMin = deps.serverScheduleMinMs ?? SERVER_SCHEDULE_MIN_MS;
  const iso = (ms: number): string => new Date(ms).toISOString();
  const mustGet = (id: string): StoredJob => {
    const job = deps.repo.get(id);
    if (!job) throw new RoostError('not_found', 'No such outbox job.');
    return job;
  };

  const parseInstant = (value: string | null): number | null => {
    if (value === null) return null;
    const ms = Date.parse(value);
    if (Number.isNaN(ms)) throw new RoostError('invalid_input', 'The scheduled time is not a valid instant.');
    return ms;
  };

  return {
    preflight: (post) => deps.guards.preflight(post),
    clear: (input) => deps.guards.clear(input),
    preflightAction: (action) => deps.guards.preflightAction(action),
    clearAction: (input) => deps.guards.clearAction(input),

    submitAction(input) {
      const now = deps.now();
      checkContentAction(input.action, deps.account(input.action.accountId));
      // Refuses (forbidden) before anything is written, exactly as for a post.
      const { digest, records } = deps.guards.authoriseAction(input.action, input.clearanceId);
      const job = actionJob({
        id: ulid(now),
        action: input.action,
        digest,
        records,
        nowMs: now,
        holdMs: input.undoSeconds > 0 ? now + input.undoSeconds * 1000 : null,
        random: deps.random,
      });
      deps.repo.insert([job]);
      deps.engine.wake();
      return { jobs: [toContractJob(deps.repo.get(job.id) ?? job)] };
    },

    retry(jobId) {
      const job = mustGet(jobId);
      if (job.state !== 'failed' && job.state !== 'needs_attention') {
        throw new RoostError('invalid_input', `A ${job.state} job cannot be sent again.`);
      }
      if (job.threadId !== null) {
        // The rest of a thread was held back because of this post: it is written again as a whole.
        throw new RoostError('invalid_input', 'A post of a thread cannot be sent again on its own.');
      }
      const next = deps.engine.update(jobId, (j, at) =>
        j.state === 'failed' || j.state === 'needs_attention'
          ? { ...j, state: 'queued', attempts: 0, dueMs: at, wakeMs: at, lastError: null }
          : null,
      );
      if (!next) throw new RoostError('invalid_input', 'The job changed meanwhile.');
      return toContractJob(next);
    },

    submit(input) {
      const now = deps.now();
      const scheduledMs = parseInstant(input.post.scheduledAt);
      if (scheduledMs !== null && now - scheduledMs > deps.graceMs) {
        throw new RoostError('invalid_input', 'The scheduled time has already passed.');
      }
      for (const target of input.post.targets) {
        const account = deps.account(target.accountId);
        if (!account) throw new RoostError('not_found', 'A target account is no longer in Roost.');
        const rules = publishingRulesOf(account.network);
        if (account.network !== target.network || rules === null) {
          throw new RoostError(
            'invalid_input',
            `Account @${account.handle} cannot publish to ${target.network}.`,
          );
        }
        rules.checkTarget(target);
      }
      // Refuses (forbidden) before anything is written when a clearance is missing, stale, reused or blocked.
      const { digest, records } = deps.guards.authorise(input.post, input.clearanceId);
      const holdMs = input.undoSeconds > 0 ? now + input.undoSeconds * 1000 : null;
      const dueMs = Math.max(holdMs ?? now, scheduledMs ?? now);
      const jobs = postJobs({
        draftId: input.draftId,
        post: input.post,
        campaign: input.campaign,
        digest,
        records,
        nowMs: now,
        holdMs,
        scheduledMs,
        dueMs,
        serverScheduleMinMs: serverMin,
        random: deps.random,
        newId: (ms) => ulid(ms),
      });
      deps.repo.insert(jobs);
      deps.engine.wake();
      const fresh = jobs.map((job) => deps.repo.get(job.id) ?? job);
      return { jobs: fresh.map(toContractJob) };
    },

    async cancel(jobId) {
      const job = mustGet(jobId);
      // Already cancelled with an earlier post of its thread: cancelling every job of a submission (undo)
      // succeeds whichever order the requests arrive in.
      if (job.state === 'cancelled' && job.lastError?.code === THREAD_CANCELLED) return { cancelled: true };
      if (!CANCELLABLE.has(job.state)) return { cancelled: false };
      if (job.serverScheduleId) await deps.gateway.unschedule(job, job.serverScheduleId);
      const done = deps.engine.update(jobId, (j) =>
        CANCELLABLE.has(j.state) ? { ...j, state: 'cancelled', wakeMs: null, serverScheduleId: null } : null,
      );
      return { cancelled: done !== null };
    },

    list(filter) {
      return deps.repo
        .list({
          ...(filter.from ? { fromMs: Date.parse(filter.from) } : {}),
          ...(filter.to ? { toMs: Date.parse(filter.to) } : {}),
          ...(filter.accountIds ? { accountIds: filter.accountIds } : {}),
          ...(filter.campaign !== undefined ? { campaign: filter.campaign } : {}),
        })
        .map(toContractJob);
    },

    async reschedule(jobId, scheduledAt) {
      const job = mustGet(jobId);
      const at = parseInstant(scheduledAt) ?? 0;
      const now = deps.now();
      if (job.state !== 'queued' && job.state !== 'overdue') {
        throw new RoostError('invalid_input', `A ${job.state} job cannot be rescheduled.`);
      }
      if (now - at > deps.graceMs) throw new RoostError('invalid_input', 'The new time has already passed.');
      let serverScheduleId = job.serverScheduleId;
      let scheduledBy = job.scheduledBy;
      let idempotencyKey = job.idempotencyKey;
      if (job.threadId !== null) {
        // A thread stays with Roost: each post needs the published id of the one before it.
        scheduledBy = 'roost';
      } else if (serverScheduleId) {
        if (at - now >= serverMin) {
          await deps.gateway.reschedule(job, serverScheduleId, iso(at));
        } else {
          // Too close for the server's schedule: take it back and let Roost send it.
          await deps.gateway.unschedule(job, serverScheduleId);
          serverScheduleId = null;
          scheduledBy = 'roost';
          // The old key now names the deleted scheduled status: the server would answer with it again.
          idempotencyKey = randomUUID();
        }
      } else if (publishingRules(job.network).holdsSchedules && at - now >= serverMin) {
        scheduledBy = 'server';
      } else {
        scheduledBy = 'roost';
      }
      const next = deps.engine.update(jobId, (j) => {
        if (j.state !== 'queued' && j.state !== 'overdue') return null;
        const moved: StoredJob = {
          ...j,
          state: 'queued',
          scheduledAt: iso(at),
          dueMs: at,
          scheduledBy,
          serverScheduleId,
          idempotencyKey,
        };
        if (waitsForPrevious(deps.repo, moved)) return { ...moved, wakeMs: null };
        return { ...moved, wakeMs: serverScheduleId ? at : wakeAfterHold(moved, now) };
      });
      if (!next) throw new RoostError('invalid_input', 'The job changed while it was being rescheduled.');
      if (next.threadId !== null) {
        // The later posts still waiting for this one move with it, so the calendar shows the thread together.
        for (const later of deps.repo.laterInThread(next.threadId, next.threadIndex)) {
          deps.engine.update(later.id, (j) =>
            j.state === 'queued' && j.wakeMs === null ? { ...j, scheduledAt: iso(at), dueMs: at } : null,
          );
        }
      }
      return toContractJob(next);
    },

    resolveOverdue(jobId, decision) {
      const job = mustGet(jobId);
      if (job.state !== 'overdue')
        throw new RoostError('invalid_input', `The job is ${job.state}, not overdue.`);
      const next = deps.engine.update(jobId, (j, now) => {
        if (j.state !== 'overdue') return null;
        // Sending late was decided by the person: lateness now counts from this moment.
        return decision === 'send'
          ? { ...j, state: 'queued', dueMs: now, wakeMs: now }
          : { ...j, state: 'cancelled', wakeMs: null };
      });
      if (!next) throw new RoostError('invalid_input', 'The job changed meanwhile.');
      return toContractJob(next);
    },

    async bestTimes(accountId) {
      if (!deps.account(accountId)) throw new RoostError('not_found', 'No such account.');
      // History reaches back 90 days; a day more covers posts sent late after their due time.
      const sent = deps.repo
        .list({ accountIds: [accountId], fromMs: deps.now() - HISTORY_LIST_MS })
        .filter((j) => j.state === 'sent' && isPostJob(j));
      const history = deps.engagement && sent.length > 0 ? await deps.engagement(sent).catch(() => []) : [];
      return suggestBestTimes({ nowMs: deps.now(), timeZone: deps.timeZone(), history });
    },
  };
}
