// Requests outside the routine schedule, asked for by the user: the newest items inside a gap, and the page
// below the oldest fetched. They wait for the rate budget, and abort on pause or stop.
import type { Page } from '../../connectors/connector.ts';
import { RoostError } from '../../../src-shared/contract/errors.ts';
import type { GapMarker } from '../column-state.ts';
import { retryAfterOf } from '../../runtime/backoff.ts';
import { delay } from '../../runtime/timing.ts';
import { isActive, markSignInNeeded, needsSignIn, type PollerContext } from './poller-context.ts';
import type { Column } from './poller-types.ts';

export function columnOrThrow(ctx: PollerContext, columnKey: string): Column {
  const col = ctx.columns.get(columnKey);
  if (col === undefined) throw new RoostError('not_found', `No subscribed source ${columnKey}`);
  return col;
}

async function fetchExtra(
  ctx: PollerContext,
  col: Column,
  since: string | null,
  before: string,
): Promise<Page | null> {
  const { clock, timers } = ctx.options;
  if (needsSignIn(ctx, col))
    throw new RoostError('auth_failed', 'Sign in again to load more of this column.');
  if (!isActive(ctx))
    throw new RoostError('network_unreachable', 'Roost is offline or paused; try again when online.');
  const controller = new AbortController();
  ctx.extraLoads.add(controller);
  try {
    for (;;) {
      const now = clock.now();
      const at = col.budget.nextAvailableAt(now);
      if (at <= now) break;
      await delay(timers, at - now, controller.signal);
      if (ctx.life.stopped || controller.signal.aborted) return null;
    }
    col.budget.spend(clock.now());
    const page = await col.connector.fetchPage({
      source: col.source,
      since,
      before,
      limit: ctx.config.pageSize,
      signal: controller.signal,
    });
    if (ctx.life.stopped || controller.signal.aborted || ctx.columns.get(col.key) !== col) return null;
    col.budget.observe(page.rateLimit, clock.now());
    return page;
  } catch (error) {
    if (ctx.life.stopped || controller.signal.aborted) return null;
    if (error instanceof RoostError && error.code === 'auth_failed') markSignInNeeded(ctx, col);
    if (error instanceof RoostError && error.code === 'rate_limited') {
      const retryAfter = retryAfterOf(error);
      if (retryAfter !== null) col.budget.blockUntil(clock.now() + retryAfter);
    }
    throw error;
  } finally {
    ctx.extraLoads.delete(controller);
  }
}

export async function loadGap(ctx: PollerContext, columnKey: string, gap: GapMarker): Promise<void> {
  const col = columnOrThrow(ctx, columnKey);
  const page = await fetchExtra(ctx, col, gap.since, gap.before);
  if (page === null) return;
  ctx.options.onItems({ kind: 'items', columnKey, items: page.items, placement: 'gap', filled: gap });
  if (page.gap && page.older !== null && page.items.length > 0) {
    ctx.options.onItems({ kind: 'gap', columnKey, before: page.older, since: gap.since });
  }
}

export async function loadOlder(ctx: PollerContext, columnKey: string): Promise<boolean> {
  const col = columnOrThrow(ctx, columnKey);
  const before = col.older;
  if (before === null || before === undefined) return false;
  const page = await fetchExtra(ctx, col, null, before);
  if (page === null) return false;
  col.older = page.older;
  if (page.items.length > 0)
    ctx.options.onItems({ kind: 'items', columnKey, items: page.items, placement: 'older' });
  return page.older !== null;
}
