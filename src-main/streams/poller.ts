// Keeps every subscribed source fresh by polling its connector: one poll per source however many columns show
// it, a rate budget per server limit, faster polls for visible columns, backoff on errors, and a staggered
// catch-up with gap markers after being offline or asleep. Cursors persist so a restart resumes where it stopped.
import type { Connector, Page, PageRequest } from '../connectors/connector.ts';
import { RoostError, type ErrorCode } from '../../src-shared/contract/errors.ts';
import type { Network } from '../../src-shared/domain/account.ts';
import { columnSourceKey, type ColumnSource } from '../../src-shared/domain/column.ts';
import { backoffDelay, jitteredInterval, retryAfterOf } from '../runtime/backoff.ts';
import { sameState, type ColumnState, type GapMarker, type StreamEvent } from './column-state.ts';
import type { CursorStore, StoredPosition, Validators } from './cursor-store.ts';
import { createRateBudget, type RateBudget } from './rate-budget.ts';
import { budgetKeyFor, RATE_POLICIES, type RatePolicy } from './rate-policy.ts';
import { delay, type Clock, type Random, type Timers } from '../runtime/timing.ts';

export interface PollerConfig {
  readonly visibleIntervalMs: number;
  readonly hiddenIntervalMs: number;
  /** Safety poll while a streaming connection feeds the source, in case the stream silently drops items. */
  readonly liveIntervalMs: number;
  /** No source is polled more often than this, whatever else is configured. */
  readonly floorMs: number;
  /** ± share applied to every interval. */
  readonly jitter: number;
  /** Share of each server limit the poller may use; the rest is the user's. */
  readonly budgetFraction: number;
  /** Share of the poller's budget routine polls may plan on, leaving room for catch-up and "load more". */
  readonly routineShare: number;
  readonly backoffBaseMs: number;
  readonly backoffCapMs: number;
  readonly pageSize: number;
  /** Requests in flight at once, so a catch-up is staggered rather than fired all together. */
  readonly maxConcurrent: number;
}

export const DEFAULT_POLLER_CONFIG: PollerConfig = {
  visibleIntervalMs: 30_000,
  hiddenIntervalMs: 120_000,
  liveIntervalMs: 600_000,
  floorMs: 10_000,
  jitter: 0.1,
  budgetFraction: 0.5,
  routineShare: 0.8,
  backoffBaseMs: 10_000,
  backoffCapMs: 15 * 60_000,
  pageSize: 40,
  maxConcurrent: 4,
};

/** A page request with the validators for a conditional GET, which the RSS connector reads. */
export type PollPageRequest = PageRequest & { readonly validators?: Validators };

export interface PollerOptions {
  readonly clock: Clock;
  readonly timers: Timers;
  readonly random: Random;
  /** The connector serving a source, or null when none does (the subscription is then refused). */
  readonly connectors: (source: ColumnSource) => Connector | null;
  readonly cursors: CursorStore;
  readonly onItems: (event: StreamEvent) => void;
  readonly onColumnState: (columnKey: string, state: ColumnState) => void;
  /** Failures the poller absorbs (a cursor that could not be saved), for logs. */
  readonly onError?: (columnKey: string, error: unknown) => void;
  readonly config?: Partial<PollerConfig>;
  readonly policies?: Partial<Record<Network, RatePolicy>>;
}

export interface Subscription {
  readonly columnKey: string;
  setVisible(visible: boolean): void;
  close(): void;
}

export interface Poller {
  /** Starts polling; returns the function that stops it for good. */
  start(): () => void;
  subscribe(source: ColumnSource, options?: { readonly visible?: boolean }): Subscription;
  /** A streaming client took over (true) or lost (false) the source. */
  markStreaming(columnKey: string, streaming: boolean): void;
  setOnline(online: boolean): void;
  suspend(): void;
  resume(): void;
  /** Fetches the newest items inside a gap; emits them and, if some remain, a narrower marker. */
  loadGap(columnKey: string, gap: GapMarker): Promise<void>;
  /** Fetches items below the oldest fetched in this session; resolves false when there is nothing older. */
  loadOlder(columnKey: string): Promise<boolean>;
  /** The user asked for fresh items: poll now, unless a retry-after or a sign-in problem forbids it. */
  refresh(columnKey: string): void;
  /** The user signed in again: the account's sources poll again at once. */
  resumeAccount(accountId: string): void;
  state(columnKey: string): ColumnState | null;
}

interface Column {
  readonly key: string;
  readonly source: ColumnSource;
  readonly connector: Connector;
  readonly budget: RateBudget;
  readonly budgetKey: string;
  readonly visibility: Map<number, boolean>;
  streaming: boolean;
  dueAt: number;
  inFlight: AbortController | null;
  failures: number;
  error: { readonly code: ErrorCode; readonly retryAt: number } | null;
  /** For sources without an account (feeds), whose credentials cannot be shared with other columns. */
  signInNeeded: boolean;
  position: StoredPosition | null;
  /** Where "load older" continues from; undefined until the first page of this session. */
  older: string | null | undefined;
  lastSuccessAt: number | null;
  state: ColumnState;
}

const NO_VALIDATORS: Validators = { etag: null, lastModified: null };

export function createPoller(options: PollerOptions): Poller {
  const config: PollerConfig = { ...DEFAULT_POLLER_CONFIG, ...options.config };
  const policies: Record<Network, RatePolicy> = { ...RATE_POLICIES, ...options.policies };
  const { clock, timers, random, cursors } = options;
  const columns = new Map<string, Column>();
  const budgets = new Map<string, RateBudget>();
  const accountsNeedingSignIn = new Set<string>();
  const extraLoads = new Set<AbortController>();
  let nextSubscriptionId = 1;
  let running = false;
  let stopped = false;
  let online = true;
  let suspended = false;
  let timer: unknown = null;

  const active = (): boolean => running && !stopped && online && !suspended;
  const isVisible = (col: Column): boolean => [...col.visibility.values()].some(Boolean);
  const needsSignIn = (col: Column): boolean =>
    col.signInNeeded || (col.source.accountId !== null && accountsNeedingSignIn.has(col.source.accountId));
  const inFlightCount = (): number => [...columns.values()].filter((c) => c.inFlight !== null).length;

  const budgetFor = (network: Network, source: ColumnSource): { key: string; budget: RateBudget } => {
    const key = budgetKeyFor(network, source);
    let budget = budgets.get(key);
    if (budget === undefined) {
      const policy = policies[network];
      budget = createRateBudget({
        limit: policy.limit,
        windowMs: policy.windowMs,
        fraction: config.budgetFraction,
      });
      budgets.set(key, budget);
    }
    return { key, budget };
  };

  const deriveState = (col: Column): ColumnState => {
    if (needsSignIn(col)) return { kind: 'needs_sign_in' };
    if (running && !active()) return { kind: 'paused', reason: online ? 'asleep' : 'offline' };
    if (col.error !== null) return { kind: 'error', code: col.error.code, retryAt: col.error.retryAt };
    if (col.streaming) return { kind: 'live' };
    return col.lastSuccessAt === null ? { kind: 'idle' } : { kind: 'polling' };
  };

  const refresh = (col: Column): void => {
    if (stopped || columns.get(col.key) !== col) return;
    const next = deriveState(col);
    if (sameState(next, col.state)) return;
    col.state = next;
    options.onColumnState(col.key, next);
  };

  const baseInterval = (col: Column): number => {
    const base = col.streaming
      ? config.liveIntervalMs
      : isVisible(col)
        ? config.visibleIntervalMs
        : config.hiddenIntervalMs;
    return Math.max(base, policies[col.connector.network].minIntervalMs, config.floorMs);
  };

  // Stretches every interval on a budget evenly when its columns together would poll faster than it allows.
  const nextInterval = (col: Column): number => {
    let demand = 0;
    for (const peer of columns.values()) {
      if (peer.budgetKey === col.budgetKey && !needsSignIn(peer))
        demand += col.budget.windowMs / baseInterval(peer);
    }
    const factor = Math.max(1, demand / (col.budget.capacity * config.routineShare));
    return jitteredInterval(baseInterval(col) * factor, config.jitter, config.floorMs, random);
  };

  const clearTimer = (): void => {
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
  };

  const schedule = (): void => {
    clearTimer();
    if (!active() || inFlightCount() >= config.maxConcurrent) return;
    const now = clock.now();
    let earliest = Number.POSITIVE_INFINITY;
    for (const col of columns.values()) {
      if (col.inFlight !== null || needsSignIn(col)) continue;
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

  // Starts every due poll the budgets and the concurrency limit allow, visible columns first.
  const pump = (): void => {
    if (!active()) return;
    const now = clock.now();
    const due = [...columns.values()]
      .filter((c) => c.inFlight === null && !needsSignIn(c) && c.dueAt <= now)
      .sort((a, b) => Number(isVisible(b)) - Number(isVisible(a)) || a.dueAt - b.dueAt);
    for (const col of due) {
      if (inFlightCount() >= config.maxConcurrent) break;
      if (!col.budget.canSpend(now)) continue;
      void poll(col, now);
    }
    schedule();
  };

  const poll = async (col: Column, now: number): Promise<void> => {
    const controller = new AbortController();
    col.inFlight = controller;
    col.budget.spend(now);
    const since = col.position?.cursor ?? null;
    const request: PollPageRequest = {
      source: col.source,
      since,
      before: null,
      limit: config.pageSize,
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
    if (stopped || col.inFlight !== controller || columns.get(col.key) !== col) return;
    col.inFlight = null;
    if ('page' in outcome) onPage(col, outcome.page, since);
    else onFailure(col, outcome.error);
    pump();
  };

  const onPage = (col: Column, page: Page, since: string | null): void => {
    const now = clock.now();
    col.budget.observe(page.rateLimit, now);
    col.failures = 0;
    col.error = null;
    col.lastSuccessAt = now;
    savePosition(col, {
      cursor: page.newest ?? since,
      validators: page.validators ?? col.position?.validators ?? NO_VALIDATORS,
    });
    if (col.older === undefined) col.older = page.older;
    if (page.items.length > 0) {
      options.onItems({ kind: 'items', columnKey: col.key, items: page.items, placement: 'newest' });
    }
    if (page.gap && since !== null && page.older !== null) {
      options.onItems({ kind: 'gap', columnKey: col.key, before: page.older, since });
    }
    col.dueAt = now + nextInterval(col);
    refresh(col);
  };

  const savePosition = (col: Column, position: StoredPosition): void => {
    const previous = col.position;
    col.position = position;
    const unchanged =
      previous !== null &&
      previous.cursor === position.cursor &&
      previous.validators.etag === position.validators.etag &&
      previous.validators.lastModified === position.validators.lastModified;
    if (unchanged) return;
    try {
      cursors.put(col.source, position);
    } catch (error) {
      // The account may have been removed mid-poll; the in-memory position still avoids refetching.
      options.onError?.(col.key, error);
    }
  };

  const onFailure = (col: Column, error: unknown): void => {
    const now = clock.now();
    const code: ErrorCode = error instanceof RoostError ? error.code : 'internal';
    if (code === 'auth_failed') {
      markSignInNeeded(col);
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
    options.onError?.(col.key, error);
    refresh(col);
  };

  const markSignInNeeded = (col: Column): void => {
    const accountId = col.source.accountId;
    if (accountId === null) col.signInNeeded = true;
    else accountsNeedingSignIn.add(accountId);
    for (const peer of columns.values()) {
      if (!needsSignIn(peer)) continue;
      peer.inFlight?.abort();
      peer.inFlight = null;
      refresh(peer);
    }
  };

  const pauseAll = (): void => {
    clearTimer();
    for (const col of columns.values()) {
      col.inFlight?.abort();
      col.inFlight = null;
    }
    for (const load of extraLoads) load.abort();
    extraLoads.clear();
    for (const col of columns.values()) refresh(col);
  };

  // Back online or awake: every source is due now; the budgets and maxConcurrent stagger the requests.
  const catchUp = (): void => {
    if (!active()) return;
    const now = clock.now();
    for (const col of columns.values()) {
      col.dueAt = now;
      col.failures = 0;
      if (col.error?.code !== 'rate_limited') col.error = null;
      refresh(col);
    }
    pump();
  };

  const columnOrThrow = (columnKey: string): Column => {
    const col = columns.get(columnKey);
    if (col === undefined) throw new RoostError('not_found', `No subscribed source ${columnKey}`);
    return col;
  };

  // A request outside the routine schedule (gap, older): waits for the budget, aborts on pause or stop.
  const fetchExtra = async (col: Column, since: string | null, before: string): Promise<Page | null> => {
    if (needsSignIn(col)) throw new RoostError('auth_failed', 'Sign in again to load more of this column.');
    if (!active())
      throw new RoostError('network_unreachable', 'Roost is offline or paused; try again when online.');
    const controller = new AbortController();
    extraLoads.add(controller);
    try {
      for (;;) {
        const now = clock.now();
        const at = col.budget.nextAvailableAt(now);
        if (at <= now) break;
        await delay(timers, at - now, controller.signal);
        if (stopped || controller.signal.aborted) return null;
      }
      col.budget.spend(clock.now());
      const page = await col.connector.fetchPage({
        source: col.source,
        since,
        before,
        limit: config.pageSize,
        signal: controller.signal,
      });
      if (stopped || controller.signal.aborted || columns.get(col.key) !== col) return null;
      col.budget.observe(page.rateLimit, clock.now());
      return page;
    } catch (error) {
      if (stopped || controller.signal.aborted) return null;
      if (error instanceof RoostError && error.code === 'auth_failed') markSignInNeeded(col);
      if (error instanceof RoostError && error.code === 'rate_limited') {
        const retryAfter = retryAfterOf(error);
        if (retryAfter !== null) col.budget.blockUntil(clock.now() + retryAfter);
      }
      throw error;
    } finally {
      extraLoads.delete(controller);
    }
  };

  return {
    start() {
      if (stopped) throw new RoostError('internal', 'A stopped poller cannot be started again.');
      running = true;
      for (const col of columns.values()) refresh(col);
      pump();
      return () => {
        if (stopped) return;
        pauseAll();
        stopped = true;
        running = false;
        clearTimer();
      };
    },

    subscribe(source, subscribeOptions = {}) {
      const key = columnSourceKey(source);
      let col = columns.get(key);
      if (col === undefined) {
        const connector = options.connectors(source);
        if (connector === null) throw new RoostError('invalid_input', `No connector serves ${key}`);
        const { key: budgetKey, budget } = budgetFor(connector.network, source);
        col = {
          key,
          source,
          connector,
          budget,
          budgetKey,
          visibility: new Map(),
          streaming: false,
          dueAt: clock.now(),
          inFlight: null,
          failures: 0,
          error: null,
          signInNeeded: false,
          position: cursors.get(source),
          older: undefined,
          lastSuccessAt: null,
          state: { kind: 'idle' },
        };
        columns.set(key, col);
      }
      const target = col;
      const id = nextSubscriptionId++;
      const wasVisible = isVisible(target);
      target.visibility.set(id, subscribeOptions.visible ?? true);
      if (!wasVisible && isVisible(target) && target.error === null) {
        // A column on screen joins a source polled in the background (the inquiry desk's mentions):
        // it polls on the visible cadence from the last success, which may mean now.
        const since = target.lastSuccessAt ?? clock.now();
        target.dueAt = Math.min(target.dueAt, since + baseInterval(target));
      }
      refresh(target);
      if (running) pump();
      return {
        columnKey: key,
        setVisible(visible) {
          const wasVisible = isVisible(target);
          if (!target.visibility.has(id)) return;
          target.visibility.set(id, visible);
          if (!wasVisible && isVisible(target) && target.error === null) {
            // Shown again: poll on the visible cadence from the last success, which may mean now.
            const since = target.lastSuccessAt ?? clock.now();
            target.dueAt = Math.min(target.dueAt, since + baseInterval(target));
          }
          schedule();
        },
        close() {
          if (!target.visibility.delete(id) || target.visibility.size > 0) return;
          target.inFlight?.abort();
          target.inFlight = null;
          columns.delete(key);
          schedule();
        },
      };
    },

    markStreaming(columnKey, streaming) {
      const col = columns.get(columnKey);
      if (col === undefined || col.streaming === streaming) return;
      col.streaming = streaming;
      const now = clock.now();
      // When the stream drops, items may have been missed: poll at once. When it takes over, back off.
      col.dueAt = streaming ? now + nextInterval(col) : now;
      refresh(col);
      if (col.inFlight === null) schedule();
    },

    setOnline(next) {
      if (online === next) return;
      online = next;
      if (next) catchUp();
      else pauseAll();
    },

    suspend() {
      if (suspended) return;
      suspended = true;
      pauseAll();
    },

    resume() {
      if (!suspended) return;
      suspended = false;
      catchUp();
    },

    async loadGap(columnKey, gap) {
      const col = columnOrThrow(columnKey);
      const page = await fetchExtra(col, gap.since, gap.before);
      if (page === null) return;
      options.onItems({ kind: 'items', columnKey, items: page.items, placement: 'gap', filled: gap });
      if (page.gap && page.older !== null && page.items.length > 0) {
        options.onItems({ kind: 'gap', columnKey, before: page.older, since: gap.since });
      }
    },

    async loadOlder(columnKey) {
      const col = columnOrThrow(columnKey);
      const before = col.older;
      if (before === null || before === undefined) return false;
      const page = await fetchExtra(col, null, before);
      if (page === null) return false;
      col.older = page.older;
      if (page.items.length > 0)
        options.onItems({ kind: 'items', columnKey, items: page.items, placement: 'older' });
      return page.older !== null;
    },

    refresh(columnKey) {
      const col = columnOrThrow(columnKey);
      if (col.error?.code === 'rate_limited') return;
      col.dueAt = Math.min(col.dueAt, clock.now());
      pump();
    },

    resumeAccount(accountId) {
      if (!accountsNeedingSignIn.delete(accountId)) return;
      const now = clock.now();
      for (const col of columns.values()) {
        if (col.source.accountId !== accountId) continue;
        col.dueAt = now;
        col.error = null;
        col.failures = 0;
        refresh(col);
      }
      pump();
    },

    state(columnKey) {
      return columns.get(columnKey)?.state ?? null;
    },
  };
}
