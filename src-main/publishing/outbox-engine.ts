// Runs the outbox: one timer for the next job that needs attention, sending with bounded concurrency, each
// state written before the network call it announces. On start, jobs a crash left in `sending` are reconciled
// with the network before anything is retried; jobs late beyond the grace period wait for the person.
// A thread's posts go out one after another, each once the one before it is sent (thread-chain.ts). What
// each step does to a job is in outbox-transitions.ts; this file decides when, and writes it.
import type { Clock, Random, Timers } from '../runtime/timing.ts';
import type { OutboxRepository } from './outbox-repository.ts';
import type { StoredJob } from './outbox-job.ts';
import {
  afterFailure,
  afterReconcile,
  afterReconcileFailure,
  afterSent,
  dueStep,
  startSending,
  type TransitionRules,
} from './outbox-transitions.ts';
import type { PublishGateway } from './publish-gateway.ts';
import { classifyFailure, DEFAULT_RETRY, type RetryPolicy } from './send-errors.ts';
import { followThread, withThreadParent } from './thread-chain.ts';

export { wakeAfterHold } from './outbox-transitions.ts';

export const DEFAULT_GRACE_MS = 15 * 60 * 1000;
/** Mastodon accepts scheduled_at only this far ahead. */
export const SERVER_SCHEDULE_MIN_MS = 5 * 60 * 1000;
/** setTimeout cannot wait longer than ~24 days; the timer is re-armed instead. */
const MAX_TIMER_MS = 60 * 60 * 1000;

export interface OutboxEngineDeps {
  readonly repo: OutboxRepository;
  readonly gateway: PublishGateway;
  readonly clock: Clock;
  readonly timers: Timers;
  readonly random: Random;
  /** Every persisted change, for the `outbox:changed` event. */
  readonly onChanged: (jobs: readonly StoredJob[]) => void;
  /** A job now needs the person (failed, needs attention, overdue): the hook for a desktop notification. */
  readonly onAttention?: (job: StoredJob) => void;
  /** Unexpected failures of the engine itself (never secrets). */
  readonly onError?: (error: unknown) => void;
  readonly graceMs?: number;
  readonly concurrency?: number;
  readonly retry?: RetryPolicy;
  readonly serverScheduleMinMs?: number;
}

export interface OutboxEngine {
  /** Reconciles interrupted sends, then starts the timer. */
  start(): Promise<void>;
  /** Re-evaluates now: after a change to the jobs, or a wake from sleep. */
  wake(): void;
  /**
   * Changes one job atomically: `change` sees the current row and returns the new one (or null to leave it).
   * The result is persisted, announced and the timer recomputed.
   */
  update(id: string, change: (job: StoredJob, nowMs: number) => StoredJob | null): StoredJob | null;
  /** Resolves once no send is in flight (tests, shutdown). */
  idle(): Promise<void>;
  /** Stops the timer and waits (bounded) for sends in flight to be recorded. */
  stop(): Promise<void>;
}

export function createOutboxEngine(deps: OutboxEngineDeps): OutboxEngine {
  const grace = deps.graceMs ?? DEFAULT_GRACE_MS;
  const concurrency = Math.max(1, deps.concurrency ?? 4);
  const retry = deps.retry ?? DEFAULT_RETRY;
  const rules: TransitionRules = {
    repo: deps.repo,
    retry,
    random: deps.random,
    graceMs: grace,
    serverScheduleMinMs: deps.serverScheduleMinMs ?? SERVER_SCHEDULE_MIN_MS,
  };
  const inFlight = new Map<string, Promise<void>>();
  let timer: unknown = null;
  let started = false;
  let stopped = false;
  let ticking = false;

  const update: OutboxEngine['update'] = (id, change) => {
    const now = deps.clock.now();
    const result = deps.repo.transaction(() => {
      const current = deps.repo.get(id);
      if (!current) return null;
      const changed = change(current, now);
      if (!changed) return null;
      const updatedAt = new Date(now).toISOString();
      const stamped = { ...changed, updatedAt };
      deps.repo.save(stamped);
      // The rest of the thread follows in the same transaction: released, cancelled or held back.
      const others =
        stamped.state === current.state
          ? []
          : followThread(deps.repo, stamped, now).map((j) => ({ ...j, updatedAt }));
      for (const other of others) deps.repo.save(other);
      return { next: stamped, others };
    });
    const next = result?.next ?? null;
    if (result && next) {
      deps.onChanged([next, ...result.others]);
      if (next.state === 'failed' || next.state === 'needs_attention' || next.state === 'overdue') {
        deps.onAttention?.(next);
      }
      if (started && !stopped && !ticking) tick();
    }
    return next;
  };

  const record = (id: string, change: (job: StoredJob, nowMs: number) => StoredJob | null): void => {
    try {
      update(id, change);
    } catch (error) {
      // The store may be closed after stop(): the job stays `sending` and is reconciled on the next start.
      deps.onError?.(error);
    }
  };

  const send = (job: StoredJob): void => {
    const sending = update(job.id, startSending(rules));
    if (sending?.state !== 'sending') return;
    const serverAt =
      sending.scheduledBy === 'server' && !sending.serverScheduleId ? sending.scheduledAt : null;
    const run = Promise.resolve()
      .then(() => deps.gateway.send(withThreadParent(deps.repo, sending), serverAt))
      .then(
        (outcome) => record(sending.id, afterSent(outcome)),
        (error: unknown) => record(sending.id, afterFailure(rules, classifyFailure(error))),
      )
      .finally(() => {
        inFlight.delete(sending.id);
        if (!stopped) tick();
      });
    inFlight.set(sending.id, run);
  };

  /** One non-network step for a job whose wake time came; returns true when something changed. */
  const step = (job: StoredJob, now: number): boolean => {
    const change = dueStep(rules, job, now);
    return change !== null && !!update(job.id, change);
  };

  const tick = (): void => {
    if (!started || stopped || ticking) return;
    ticking = true;
    try {
      if (timer !== null) deps.timers.clearTimeout(timer);
      timer = null;
      for (let rounds = 0; rounds < 1_000; rounds++) {
        const now = deps.clock.now();
        let changed = false;
        for (const job of deps.repo.wakeable(now, 200)) {
          if (step(job, now)) {
            changed = true;
            continue;
          }
          if (job.state === 'queued' && inFlight.size < concurrency && !inFlight.has(job.id)) send(job);
        }
        if (!changed) break;
      }
      arm();
    } catch (error) {
      deps.onError?.(error);
    } finally {
      ticking = false;
    }
  };

  const arm = (): void => {
    const next = deps.repo.nextWakeMs();
    if (next === null) return;
    const delay = next - deps.clock.now();
    // At capacity with work already due: the next send to finish ticks again.
    if (delay <= 0 && inFlight.size >= concurrency) return;
    timer = deps.timers.setTimeout(tick, Math.min(Math.max(0, delay), MAX_TIMER_MS));
  };

  const reconcile = async (job: StoredJob): Promise<void> => {
    try {
      record(job.id, afterReconcile(await deps.gateway.reconcile(job)));
    } catch (error) {
      record(job.id, afterReconcileFailure(rules, classifyFailure(error)));
    }
  };

  return {
    async start() {
      const interrupted = deps.repo.inState('sending');
      for (let i = 0; i < interrupted.length; i += concurrency) {
        await Promise.all(interrupted.slice(i, i + concurrency).map(reconcile));
        if (stopped) return;
      }
      started = true;
      tick();
    },
    wake: () => tick(),
    update,
    async idle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight.values()]);
    },
    async stop() {
      stopped = true;
      if (timer !== null) deps.timers.clearTimeout(timer);
      timer = null;
      let bound: unknown = null;
      await Promise.race([
        Promise.allSettled([...inFlight.values()]),
        new Promise<void>((resolve) => {
          bound = deps.timers.setTimeout(resolve, 3_000);
        }),
      ]);
      deps.timers.clearTimeout(bound);
    },
  };
}
