// The poller's public shapes (configuration, options, the Poller itself) and the per-source record its
// modules share. Kept apart so the cadence, fetch cycle and subscriptions can each import them.
import type { Connector, PageRequest } from '../../connectors/connector.ts';
import type { ErrorCode } from '../../../src-shared/contract/errors.ts';
import type { Network } from '../../../src-shared/domain/account.ts';
import type { ColumnSource } from '../../../src-shared/domain/column.ts';
import type { ColumnState, GapMarker, StreamEvent } from '../column-state.ts';
import type { CursorStore, StoredPosition, Validators } from '../cursor-store.ts';
import type { RateBudget } from '../rate-budget.ts';
import type { RatePolicy } from '../rate-policy.ts';
import type { Clock, Random, Timers } from '../../runtime/timing.ts';

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

/** One polled source, however many columns show it. */
export interface Column {
  readonly key: string;
  readonly source: ColumnSource;
  readonly connector: Connector;
  readonly budget: RateBudget;
  readonly budgetKey: string;
  /** Subscription id → whether that column is on screen. */
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

export const NO_VALIDATORS: Validators = { etag: null, lastModified: null };
