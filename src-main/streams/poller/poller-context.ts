// What every part of one poller shares: its configuration, its injected ports, the sources it polls and
// whether it may poll at all. Also the small questions every part asks of a source (visible? signed out?).
import type { Network } from '../../../src-shared/domain/account.ts';
import { sameState, type ColumnState } from '../column-state.ts';
import type { RateBudget } from '../rate-budget.ts';
import { RATE_POLICIES, type RatePolicy } from '../rate-policy.ts';
import { DEFAULT_POLLER_CONFIG, type Column, type PollerConfig, type PollerOptions } from './poller-types.ts';

export interface PollerLife {
  running: boolean;
  /** Stopped for good: answers that arrive later are dropped. */
  stopped: boolean;
  online: boolean;
  suspended: boolean;
}

export interface PollerContext {
  readonly config: PollerConfig;
  readonly policies: Record<Network, RatePolicy>;
  readonly options: PollerOptions;
  readonly columns: Map<string, Column>;
  /** One budget per server limit, shared by every source spending it. */
  readonly budgets: Map<string, RateBudget>;
  readonly accountsNeedingSignIn: Set<string>;
  /** Gap and "load older" requests in flight, aborted on pause or stop. */
  readonly extraLoads: Set<AbortController>;
  readonly life: PollerLife;
}

export function createPollerContext(options: PollerOptions): PollerContext {
  return {
    config: { ...DEFAULT_POLLER_CONFIG, ...options.config },
    policies: { ...RATE_POLICIES, ...options.policies },
    options,
    columns: new Map(),
    budgets: new Map(),
    accountsNeedingSignIn: new Set(),
    extraLoads: new Set(),
    life: { running: false, stopped: false, online: true, suspended: false },
  };
}

export const isActive = ({ life }: PollerContext): boolean =>
  life.running && !life.stopped && life.online && !life.suspended;

export const isVisible = (col: Column): boolean => [...col.visibility.values()].some(Boolean);

export const needsSignIn = (ctx: PollerContext, col: Column): boolean =>
  col.signInNeeded || (col.source.accountId !== null && ctx.accountsNeedingSignIn.has(col.source.accountId));

export const inFlightCount = (ctx: PollerContext): number =>
  [...ctx.columns.values()].filter((c) => c.inFlight !== null).length;

function deriveState(ctx: PollerContext, col: Column): ColumnState {
  if (needsSignIn(ctx, col)) return { kind: 'needs_sign_in' };
  if (ctx.life.running && !isActive(ctx)) {
    return { kind: 'paused', reason: ctx.life.online ? 'asleep' : 'offline' };
  }
  if (col.error !== null) return { kind: 'error', code: col.error.code, retryAt: col.error.retryAt };
  if (col.streaming) return { kind: 'live' };
  return col.lastSuccessAt === null ? { kind: 'idle' } : { kind: 'polling' };
}

/** Tells the listener when a subscribed source's state changed, and only then. */
export function publishState(ctx: PollerContext, col: Column): void {
  if (ctx.life.stopped || ctx.columns.get(col.key) !== col) return;
  const next = deriveState(ctx, col);
  if (sameState(next, col.state)) return;
  col.state = next;
  ctx.options.onColumnState(col.key, next);
}

/** A refused sign-in stops every source of that account (or that one feed) until the user signs in again. */
export function markSignInNeeded(ctx: PollerContext, col: Column): void {
  const accountId = col.source.accountId;
  if (accountId === null) col.signInNeeded = true;
  else ctx.accountsNeedingSignIn.add(accountId);
  for (const peer of ctx.columns.values()) {
    if (!needsSignIn(ctx, peer)) continue;
    peer.inFlight?.abort();
    peer.inFlight = null;
    publishState(ctx, peer);
  }
}
