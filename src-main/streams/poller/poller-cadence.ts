// When each source is polled next: its interval (visible, hidden or live, never under the floor), stretched
// evenly when the sources sharing a rate budget would together outrun it, and the one timer that wakes the
// poller for the earliest due source. `pump` starts every due poll the budgets and concurrency allow.
import { jitteredInterval } from '../../runtime/backoff.ts';
import { inFlightCount, isActive, isVisible, needsSignIn, type PollerContext } from './poller-context.ts';
import type { Column } from './poller-types.ts';

export function baseInterval(ctx: PollerContext, col: Column): number {
  const { config } = ctx;
  const base = col.streaming
    ? config.liveIntervalMs
    : isVisible(col)
      ? config.visibleIntervalMs
      : config.hiddenIntervalMs;
  return Math.max(base, ctx.policies[col.connector.network].minIntervalMs, config.floorMs);
}

// Stretches every interval on a budget evenly when its columns together would poll faster than it allows.
export function nextInterval(ctx: PollerContext, col: Column): number {
  let demand = 0;
  for (const peer of ctx.columns.values()) {
    if (peer.budgetKey === col.budgetKey && !needsSignIn(ctx, peer))
      demand += col.budget.windowMs / baseInterval(ctx, peer);
  }
  const factor = Math.max(1, demand / (col.budget.capacity * ctx.config.routineShare));
  return jitteredInterval(
    baseInterval(ctx, col) * factor,
    ctx.config.jitter,
    ctx.config.floorMs,
    ctx.options.random,
  );
}

/** A column shown again (or newly on screen) polls on the visible cadence from its last success. */
export function pullForward(ctx: PollerContext, col: Column): void {
  const since = col.lastSuccessAt ?? ctx.options.clock.now();
  col.dueAt = Math.min(col.dueAt, since + baseInterval(ctx, col));
}

export interface Scheduler {
  /** Arms the timer for the earliest due source (or none). */
  schedule(): void;
  /** Starts every due poll the budgets and the concurrency limit allow, visible columns first. */
  pump(): void;
  clearTimer(): void;
}

/** `startPoll` begins one fetch; it is expected to call `pump` again when the answer is in. */
export function createScheduler(
  ctx: PollerContext,
  startPoll: (col: Column, now: number) => void,
): Scheduler {
  const { clock, timers } = ctx.options;
  let timer: unknown = null;

  const clearTimer = (): void => {
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
  };

  const schedule = (): void => {
    clearTimer();
    if (!isActive(ctx) || inFlightCount(ctx) >= ctx.config.maxConcurrent) return;
    const now = clock.now();
    let earliest = Number.POSITIVE_INFINITY;
    for (const col of ctx.columns.values()) {
      if (col.inFlight !== null || needsSignIn(ctx, col)) continue;
      earliest = Math.min(earliest, Math.max(col.dueAt, col.budget.nextAvailableAt(now)));
    }
    if (earliest === Number.POSITIVE_INFINITY) return;
    timer = timers.setTimeout(
      () => {
        timer = null;
        pump();
      },
      Math.max(0, earliest - now),
    );
  };

  const pump = (): void => {
    if (!isActive(ctx)) return;
    const now = clock.now();
    const due = [...ctx.columns.values()]
      .filter((c) => c.inFlight === null && !needsSignIn(ctx, c) && c.dueAt <= now)
      .sort((a, b) => Number(isVisible(b)) - Number(isVisible(a)) || a.dueAt - b.dueAt);
    for (const col of due) {
      if (inFlightCount(ctx) >= ctx.config.maxConcurrent) break;
      if (!col.budget.canSpend(now)) continue;
      startPoll(col, now);
    }
    schedule();
  };

  return { schedule, pump, clearTimer };
}
