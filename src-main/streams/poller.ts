// Keeps every subscribed source fresh by polling its connector: one poll per source however many columns show
// it, a rate budget per server limit, faster polls for visible columns, backoff on errors, and a staggered
// catch-up with gap markers after being offline or asleep. Cursors persist so a restart resumes where it stopped.
// This file wires the parts in poller/ and holds the lifecycle (start, stop, offline, sleep, sign-in):
//   poller-context.ts        shared state and the source's derived state
//   poller-cadence.ts        intervals, budget stretching, the wake-up timer and the pump
//   poller-cycle.ts          one routine fetch: page or failure (backoff, retry-after, sign-in)
//   poller-subscriptions.ts  columns subscribing to sources, visibility
//   poller-extra-loads.ts    gap and "load older" requests
import { RoostError } from '../../src-shared/contract/errors.ts';
import { createScheduler, nextInterval } from './poller/poller-cadence.ts';
import { createPollerContext, publishState, isActive } from './poller/poller-context.ts';
import { pollOnce } from './poller/poller-cycle.ts';
import { columnOrThrow, loadGap, loadOlder } from './poller/poller-extra-loads.ts';
import { createSubscriptions } from './poller/poller-subscriptions.ts';
import type { Poller, PollerOptions } from './poller/poller-types.ts';

export {
  DEFAULT_POLLER_CONFIG,
  type PollerConfig,
  type PollerOptions,
  type PollPageRequest,
  type Poller,
  type Subscription,
} from './poller/poller-types.ts';

export function createPoller(options: PollerOptions): Poller {
  const ctx = createPollerContext(options);
  const { columns, life } = ctx;
  const { clock } = options;
  const scheduler = createScheduler(ctx, (col, now) => void pollOnce(ctx, col, now, scheduler.pump));
  const { schedule, pump, clearTimer } = scheduler;

  const pauseAll = (): void => {
    clearTimer();
    for (const col of columns.values()) {
      col.inFlight?.abort();
      col.inFlight = null;
    }
    for (const load of ctx.extraLoads) load.abort();
    ctx.extraLoads.clear();
    for (const col of columns.values()) publishState(ctx, col);
  };

  // Back online or awake: every source is due now; the budgets and maxConcurrent stagger the requests.
  const catchUp = (): void => {
    if (!isActive(ctx)) return;
    const now = clock.now();
    for (const col of columns.values()) {
      col.dueAt = now;
      col.failures = 0;
      if (col.error?.code !== 'rate_limited') col.error = null;
      publishState(ctx, col);
    }
    pump();
  };

  return {
    start() {
      if (life.stopped) throw new RoostError('internal', 'A stopped poller cannot be started again.');
      life.running = true;
      for (const col of columns.values()) publishState(ctx, col);
      pump();
      return () => {
        if (life.stopped) return;
        pauseAll();
        life.stopped = true;
        life.running = false;
        clearTimer();
      };
    },

    subscribe: createSubscriptions(ctx, scheduler),

    markStreaming(columnKey, streaming) {
      const col = columns.get(columnKey);
      if (col === undefined || col.streaming === streaming) return;
      col.streaming = streaming;
      const now = clock.now();
      // When the stream drops, items may have been missed: poll at once. When it takes over, back off.
      col.dueAt = streaming ? now + nextInterval(ctx, col) : now;
      publishState(ctx, col);
      if (col.inFlight === null) schedule();
    },

    setOnline(next) {
      if (life.online === next) return;
      life.online = next;
      if (next) catchUp();
      else pauseAll();
    },

    suspend() {
      if (life.suspended) return;
      life.suspended = true;
      pauseAll();
    },

    resume() {
      if (!life.suspended) return;
      life.suspended = false;
      catchUp();
    },

    loadGap: (columnKey, gap) => loadGap(ctx, columnKey, gap),

    loadOlder: (columnKey) => loadOlder(ctx, columnKey),

    refresh(columnKey) {
      const col = columnOrThrow(ctx, columnKey);
      if (col.error?.code === 'rate_limited') return;
      col.dueAt = Math.min(col.dueAt, clock.now());
      pump();
    },

    resumeAccount(accountId) {
      if (!ctx.accountsNeedingSignIn.delete(accountId)) return;
      const now = clock.now();
      for (const col of columns.values()) {
        if (col.source.accountId !== accountId) continue;
        col.dueAt = now;
        col.error = null;
        col.failures = 0;
        publishState(ctx, col);
      }
      pump();
    },

    state(columnKey) {
      return columns.get(columnKey)?.state ?? null;
    },
  };
}
