// The subscriber registry: columns subscribe to a source, and the source is polled once however many show it.
// It is polled on the visible cadence while any of them is on screen, and dropped when the last one closes.
import type { Network } from '../../../src-shared/domain/account.ts';
import { RoostError } from '../../../src-shared/contract/errors.ts';
import { columnSourceKey, type ColumnSource } from '../../../src-shared/domain/column.ts';
import { createRateBudget, type RateBudget } from '../rate-budget.ts';
import { budgetKeyFor } from '../rate-policy.ts';
import { pullForward, type Scheduler } from './poller-cadence.ts';
import { isVisible, publishState, type PollerContext } from './poller-context.ts';
import type { Column, Poller } from './poller-types.ts';

function budgetFor(
  ctx: PollerContext,
  network: Network,
  source: ColumnSource,
): { key: string; budget: RateBudget } {
  const key = budgetKeyFor(network, source);
  let budget = ctx.budgets.get(key);
  if (budget === undefined) {
    const policy = ctx.policies[network];
    budget = createRateBudget({
      limit: policy.limit,
      windowMs: policy.windowMs,
      fraction: ctx.config.budgetFraction,
    });
    ctx.budgets.set(key, budget);
  }
  return { key, budget };
}

function newColumn(ctx: PollerContext, key: string, source: ColumnSource): Column {
  const connector = ctx.options.connectors(source);
  if (connector === null) throw new RoostError('invalid_input', `No connector serves ${key}`);
  const { key: budgetKey, budget } = budgetFor(ctx, connector.network, source);
  return {
    key,
    source,
    connector,
    budget,
    budgetKey,
    visibility: new Map(),
    streaming: false,
    dueAt: ctx.options.clock.now(),
    inFlight: null,
    failures: 0,
    error: null,
    signInNeeded: false,
    position: ctx.options.cursors.get(source),
    older: undefined,
    lastSuccessAt: null,
    state: { kind: 'idle' },
  };
}

export function createSubscriptions(ctx: PollerContext, scheduler: Scheduler): Poller['subscribe'] {
  let nextSubscriptionId = 1;

  return function subscribe(source, options = {}) {
    const key = columnSourceKey(source);
    let col = ctx.columns.get(key);
    if (col === undefined) {
      col = newColumn(ctx, key, source);
      ctx.columns.set(key, col);
    }
    const target = col;
    const id = nextSubscriptionId++;
    const wasVisible = isVisible(target);
    target.visibility.set(id, options.visible ?? true);
    // A column on screen joins a source polled in the background (the inquiry desk's mentions):
    // it polls on the visible cadence from the last success, which may mean now.
    if (!wasVisible && isVisible(target) && target.error === null) pullForward(ctx, target);
    publishState(ctx, target);
    if (ctx.life.running) scheduler.pump();
    return {
      columnKey: key,
      setVisible(visible) {
        const wasVisible = isVisible(target);
        if (!target.visibility.has(id)) return;
        target.visibility.set(id, visible);
        // Shown again: poll on the visible cadence from the last success, which may mean now.
        if (!wasVisible && isVisible(target) && target.error === null) pullForward(ctx, target);
        scheduler.schedule();
      },
      close() {
        if (!target.visibility.delete(id) || target.visibility.size > 0) return;
        target.inFlight?.abort();
        target.inFlight = null;
        ctx.columns.delete(key);
        scheduler.schedule();
      },
    };
  };
}
