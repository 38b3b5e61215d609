// One routine poll of a source: fetch the page after the stored cursor, then either take the page (emit items
// and gap markers, save the cursor, plan the next poll) or take the failure (sign-in needed, the server's
// retry-after, or exponential backoff). An answer that arrives after a pause, stop or unsubscribe is dropped.
import type { Page } from '../../connectors/connector.ts';
import { RoostError, type ErrorCode } from '../../../src-shared/contract/errors.ts';
import type { StoredPosition } from '../cursor-store.ts';
import { backoffDelay, retryAfterOf } from '../../runtime/backoff.ts';
import { nextInterval } from './poller-cadence.ts';
import { markSignInNeeded, publishState, type PollerContext } from './poller-context.ts';
import { NO_VALIDATORS, type Column, type PollPageRequest } from './poller-types.ts';

/** Polls `col` once; `then` runs after a fresh answer was taken, to start what is due next. */
export async function pollOnce(
  ctx: PollerContext,
  col: Column,
  now: number,
  then: () => void,
): Promise<void> {
  const controller = new AbortController();
  col.inFlight = controller;
  col.budget.spend(now);
  const since = col.position?.cursor ?? null;
  const request: PollPageRequest = {
    source: col.source,
    since,
    before: null,
    limit: ctx.config.pageSize,
    signal: controller.signal,
    validators: col.position?.validators ?? NO_VALIDATORS,
  };
  let outcome: { readonly page: Page } | { readonly error: unknown };
  try {
    outcome = { page: await col.connector.fetchPage(request) };
  } catch (error) {
    outcome = { error };
  }
  // Paused, stopped, unsubscribed or superseded while waiting: the answer is stale, drop it.
  if (ctx.life.stopped || col.inFlight !== controller || ctx.columns.get(col.key) !== col) return;
  col.inFlight = null;
  if ('page' in outcome) onPage(ctx, col, outcome.page, since);
  else onFailure(ctx, col, outcome.error);
  then();
}

function onPage(ctx: PollerContext, col: Column, page: Page, since: string | null): void {
  const now = ctx.options.clock.now();
  col.budget.observe(page.rateLimit, now);
  col.failures = 0;
  col.error = null;
  col.lastSuccessAt = now;
  savePosition(ctx, col, {
    cursor: page.newest ?? since,
    validators: page.validators ?? col.position?.validators ?? NO_VALIDATORS,
  });
  if (col.older === undefined) col.older = page.older;
  if (page.items.length > 0) {
    ctx.options.onItems({ kind: 'items', columnKey: col.key, items: page.items, placement: 'newest' });
  }
  if (page.gap && since !== null && page.older !== null) {
    ctx.options.onItems({ kind: 'gap', columnKey: col.key, before: page.older, since });
  }
  col.dueAt = now + nextInterval(ctx, col);
  publishState(ctx, col);
}

function savePosition(ctx: PollerContext, col: Column, position: StoredPosition): void {
  const previous = col.position;
  col.position = position;
  const unchanged =
    previous !== null &&
    previous.cursor === position.cursor &&
    previous.validators.etag === position.validators.etag &&
    previous.validators.lastModified === position.validators.lastModified;
  if (unchanged) return;
  try {
    ctx.options.cursors.put(col.source, position);
  } catch (error) {
    // The account may have been removed mid-poll; the in-memory position still avoids refetching.
    ctx.options.onError?.(col.key, error);
  }
}

function onFailure(ctx: PollerContext, col: Column, error: unknown): void {
  const { config } = ctx;
  const { clock, random } = ctx.options;
  const now = clock.now();
  const code: ErrorCode = error instanceof RoostError ? error.code : 'internal';
  if (code === 'auth_failed') {
    markSignInNeeded(ctx, col);
    return;
  }
  if (code === 'rate_limited') {
    // Honour the server's word exactly, for every column spending the same limit.
    const retryAfter = retryAfterOf(error);
    const retryAt =
      retryAfter !== null
        ? now + retryAfter
        : now + backoffDelay(++col.failures, config.backoffBaseMs, config.backoffCapMs, random);
    col.budget.blockUntil(retryAt);
    col.dueAt = retryAt;
    col.error = { code, retryAt };
  } else {
    col.failures += 1;
    const retryAt = now + backoffDelay(col.failures, config.backoffBaseMs, config.backoffCapMs, random);
    col.dueAt = retryAt;
    col.error = { code, retryAt };
  }
  ctx.options.onError?.(col.key, error);
  publishState(ctx, col);
}
