// Wires a poller to the fake clock, the fake network and recorders for its events, for the poller tests.
import type { ColumnSource } from '../../../../src-shared/domain/column.ts';
import type {
  ColumnState,
  GapMarker,
  ItemsBatch,
  StreamEvent,
} from '../../../../src-main/streams/column-state.ts';
import { createMemoryCursorStore, type CursorStore } from '../../../../src-main/streams/cursor-store.ts';
import { createPoller, type Poller, type PollerConfig } from '../../../../src-main/streams/poller.ts';
import { createFakeNetwork, type FakeNetwork, type FakeNetworkOptions } from './fake-network.ts';
import { createFakeTime, seededRandom, type FakeTime } from './fake-time.ts';

export interface Harness {
  readonly time: FakeTime;
  readonly net: FakeNetwork;
  readonly poller: Poller;
  readonly events: StreamEvent[];
  readonly states: { readonly columnKey: string; readonly state: ColumnState; readonly at: number }[];
  /** What the poller reported through onError. */
  readonly errors: { readonly columnKey: string; readonly error: unknown }[];
  batches(columnKey?: string): ItemsBatch[];
  gaps(columnKey?: string): GapMarker[];
  requestsFor(columnKey: string): number[];
  start(): void;
  stop(): void;
}

export interface HarnessOptions {
  readonly config?: Partial<PollerConfig>;
  readonly cursors?: CursorStore;
  readonly network?: Omit<FakeNetworkOptions, 'clock' | 'timers'>;
  readonly time?: FakeTime;
  readonly random?: () => number;
}

export function createHarness(options: HarnessOptions = {}): Harness {
  const time = options.time ?? createFakeTime();
  const net = createFakeNetwork({ clock: time.clock, timers: time.timers, ...options.network });
  const events: StreamEvent[] = [];
  const states: Harness['states'][number][] = [];
  const errors: Harness['errors'][number][] = [];
  const poller = createPoller({
    clock: time.clock,
    timers: time.timers,
    random: options.random ?? seededRandom(7),
    connectors: () => net.connector,
    cursors: options.cursors ?? createMemoryCursorStore(),
    onItems: (event) => events.push(event),
    onColumnState: (columnKey, state) => states.push({ columnKey, state, at: time.now() }),
    onError: (columnKey, error) => errors.push({ columnKey, error }),
    ...(options.config === undefined ? {} : { config: options.config }),
  });
  let stopPoller: (() => void) | null = null;
  return {
    time,
    net,
    poller,
    events,
    states,
    errors,
    batches: (key) =>
      events.filter((e): e is ItemsBatch => e.kind === 'items' && (key === undefined || e.columnKey === key)),
    gaps: (key) =>
      events.filter((e): e is GapMarker => e.kind === 'gap' && (key === undefined || e.columnKey === key)),
    requestsFor: (key) => net.requests.filter((r) => r.sourceKey === key).map((r) => r.at),
    start() {
      stopPoller = poller.start();
    },
    stop() {
      stopPoller?.();
    },
  };
}

export function mastodonSource(
  accountId: string,
  type: ColumnSource['type'] = 'home',
  param: string | null = null,
) {
  return { type, accountId, param } satisfies ColumnSource;
}

/** The largest number of requests inside any window of `windowMs` (sliding, ending at each request). */
export function maxInWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let from = 0;
  for (let to = 0; to < sorted.length; to += 1) {
    while ((sorted[to] as number) - (sorted[from] as number) >= windowMs) from += 1;
    best = Math.max(best, to - from + 1);
  }
  return best;
}

export function gapsBetween(times: readonly number[]): number[] {
  return times.slice(1).map((t, i) => t - (times[i] as number));
}
