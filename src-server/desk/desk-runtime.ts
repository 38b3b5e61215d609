// The inquiry desk's moving parts in one server process: intake in the poller's transaction, routing passes
// (after intake, on availability, profile and settings changes, when capacity frees, and on a timer for the
// skills timeout, hours and snooze wake-ups), the SLA ticker, and presence from the feed. Every server process
// sharing a PostgreSQL database runs one; routing's lock makes their passes safe side by side.
import type { StreamItem } from '../../src-shared/domain/stream-item.ts';
import type { FeedControl } from '../handlers/context.ts';
import type { SqlEngine, SqlExecutor } from '../storage/sql-engine.ts';
import { deskIntake } from './desk-intake.ts';
import { routePass, type RoutingResult } from './desk-routing.ts';
import { recordSlaEvents } from './desk-sla-ticker.ts';
import { markExpertsSeen } from './desk-store.ts';

export const DEFAULT_DESK_TICK_MS = 30_000;

export interface DeskRuntime {
  /** The brand poller's hook: files a stored item as a desk message, in the same transaction. */
  intake(tx: SqlExecutor, accountId: string, item: StreamItem, at: number): Promise<void>;
  /** Runs a routing pass soon (after a commit that may change who gets what); passes never overlap here. */
  requestRouting(): void;
  /** Runs a routing pass now and resolves with its outcome (after any pass already running). */
  route(): Promise<RoutingResult>;
  /** Records the SLA warnings and breaches due now; resolves with the number of breaches. */
  tickSla(): Promise<number>;
  /** The feed's hook: a member's connection opened or closed in this process. */
  presenceOfMember(memberId: string, connected: boolean): void;
  start(): void;
  stop(): Promise<void>;
}

export function createDeskRuntime(deps: {
  readonly engine: SqlEngine;
  readonly feed: FeedControl;
  readonly now: () => number;
  /** Members with a feed connection open to this process. */
  readonly connectedMembers: () => string[];
  readonly tickMs?: number;
  readonly log: (message: string) => void;
}): DeskRuntime {
  const tickMs = deps.tickMs ?? DEFAULT_DESK_TICK_MS;
  let chain: Promise<unknown> = Promise.resolve();
  let routeQueued = false;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;

  /** Work of this process runs one piece at a time; each is one transaction. */
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = chain.then(work);
    chain = next.catch(() => undefined);
    return next;
  };

  const route = () =>
    serial(async () => {
      routeQueued = false;
      const result = await deps.engine.transaction((tx) => routePass(tx, deps.now()));
      if (result.assigned > 0) deps.feed.wake();
      return result;
    });

  const requestRouting = () => {
    if (stopped || routeQueued) return;
    routeQueued = true;
    route().catch((error: unknown) => deps.log(`desk routing failed: ${String(error)}`));
  };

  const markSeen = (memberIds: string[]) =>
    serial(() => deps.engine.transaction((tx) => markExpertsSeen(tx, memberIds, deps.now())));

  const tickSla = () =>
    serial(async () => {
      const breaches = await deps.engine.transaction((tx) => recordSlaEvents(tx, deps.now()));
      deps.feed.wake();
      return breaches;
    });

  const tick = async () => {
    // While a connection lasts its member stays seen; offline comes `offlineGraceMinutes` after the last tick.
    await markSeen(deps.connectedMembers());
    await route();
    await tickSla();
  };

  return {
    intake: deskIntake,
    requestRouting,
    route,
    tickSla,
    presenceOfMember(memberId, _connected) {
      if (stopped) return;
      // Opened: seen now and routable. Closed: seen until now; offline once the grace runs out.
      markSeen([memberId])
        .then(requestRouting)
        .catch((error: unknown) => deps.log(`desk presence failed: ${String(error)}`));
    },
    start() {
      if (timer || stopped) return;
      timer = setInterval(() => {
        tick().catch((error: unknown) => deps.log(`desk tick failed: ${String(error)}`));
      }, tickMs);
      timer.unref();
      requestRouting();
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = null;
      await chain;
    },
  };
}
