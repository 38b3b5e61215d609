// Keeps brand accounts' mentions fresh on the server with main's poller (rate budgets, jitter, backoff) and
// writes each new item once into `brand_items`, with a `brandItem` change so desktops see it. Positions are
// kept in memory: after a restart the first poll reads the newest page again, and the table's key makes the
// items already held a no-op.
import type { Connector } from '../../src-main/connectors/connector.ts';
import { createPoller, type Subscription } from '../../src-main/streams/poller.ts';
import { createMemoryCursorStore } from '../../src-main/streams/cursor-store.ts';
import type { StreamItem } from '../../src-shared/domain/stream-item.ts';
import type { ColumnType } from '../../src-shared/domain/column.ts';
import type { BrandAccount } from '../../src-shared/team/team-contract.ts';
import { appendChange } from '../storage/change-log.ts';
import type { SqlEngine, SqlExecutor } from '../storage/sql-engine.ts';
import type { BrandConnectors } from './brand-connectors.ts';

/** What the server follows for every brand account: the conversations a team answers. */
export const BRAND_COLUMNS: readonly ColumnType[] = ['mentions'];
export const DEFAULT_BRAND_POLL_MS = 60_000;

export type ItemStoredHook = (
  tx: SqlExecutor,
  accountId: string,
  item: StreamItem,
  at: number,
) => Promise<void>;

/**
 * Writes the items not yet held into `brand_items`, each with its `brandItem` change and the hook's work, in
 * one transaction; returns how many were new.
 */
export async function storeBrandItems(
  engine: SqlEngine,
  accountId: string,
  type: ColumnType,
  items: readonly StreamItem[],
  at: number,
  onItemStored?: ItemStoredHook,
): Promise<number> {
  let added = 0;
  await engine.transaction(async (tx) => {
    added = 0;
    // Oldest first, so the change sequence follows the order the items were posted.
    for (const item of [...items].reverse()) {
      const inserted = await tx.run(
        `INSERT INTO brand_items (account_id, remote_id, column_type, item, seen_at) VALUES (?, ?, ?, ?, ?)
          ON CONFLICT (account_id, remote_id, column_type) DO NOTHING`,
        [accountId, item.remoteId, type, JSON.stringify(item), at],
      );
      if (inserted === 0) continue;
      added += 1;
      await appendChange(tx, {
        at,
        actorId: null,
        entity: 'brandItem',
        entityId: `${accountId}:${type}:${item.remoteId}`,
        version: 1,
        data: { accountId, column: type, item },
      });
      await onItemStored?.(tx, accountId, item, at);
    }
  });
  return added;
}

export interface BrandPoller {
  start(): void;
  watch(account: Pick<BrandAccount, 'id' | 'network'>): void;
  unwatch(accountId: string): void;
  stop(): Promise<void>;
}

export function createBrandPoller(deps: {
  readonly engine: SqlEngine;
  readonly connectors: BrandConnectors;
  readonly now: () => number;
  readonly intervalMs?: number;
  /** In the transaction that stored a new item (the inquiry desk files it as a message). */
  readonly onItemStored?: ItemStoredHook;
  /** New changes were committed. */
  readonly onChanges: () => void;
  readonly onError: (message: string) => void;
}): BrandPoller {
  const interval = deps.intervalMs ?? DEFAULT_BRAND_POLL_MS;
  const columns = new Map<string, { accountId: string; type: ColumnType }>();
  const watched = new Map<string, Subscription[]>();
  let writing: Promise<void> = Promise.resolve();
  let stopPolling: (() => void) | null = null;

  const connectorFor = (accountId: string, network: BrandAccount['network']): Connector => {
    const resolve = (): Promise<Connector> =>
      network === 'bluesky' ? deps.connectors.bluesky(accountId) : deps.connectors.mastodon(accountId);
    return {
      network,
      capabilities: async () => (await resolve()).capabilities(),
      fetchPage: async (request) => (await resolve()).fetchPage(request),
      thread: async (item) => (await resolve()).thread(item),
      act: async (action) => (await resolve()).act(action),
    };
  };
  const networks = new Map<string, BrandAccount['network']>();

  const poller = createPoller({
    clock: { now: deps.now },
    timers: {
      setTimeout: (fn, ms) => setTimeout(fn, ms),
      clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
    },
    random: Math.random,
    connectors: (source) => {
      const network = source.accountId ? networks.get(source.accountId) : undefined;
      return source.accountId && network ? connectorFor(source.accountId, network) : null;
    },
    cursors: createMemoryCursorStore(),
    onItems: (event) => {
      if (event.kind !== 'items' || event.items.length === 0) return;
      const column = columns.get(event.columnKey);
      if (!column) return;
      writing = writing
        .then(() => store(column.accountId, column.type, event.items))
        .catch((error: unknown) => deps.onError(`brand items could not be stored: ${String(error)}`));
    },
    onColumnState: (key, state) => {
      if (state.kind === 'error' || state.kind === 'needs_sign_in') {
        deps.onError(`brand account column ${key} is ${state.kind === 'error' ? state.code : 'refused'}`);
      }
    },
    onError: (key, error) => deps.onError(`brand poller ${key}: ${String(error)}`),
    config: {
      visibleIntervalMs: interval,
      hiddenIntervalMs: interval,
      floorMs: Math.min(interval, 10_000),
    },
  });

  async function store(accountId: string, type: ColumnType, items: readonly StreamItem[]): Promise<void> {
    const added = await storeBrandItems(deps.engine, accountId, type, items, deps.now(), deps.onItemStored);
    if (added > 0) deps.onChanges();
  }

  return {
    start() {
      stopPolling ??= poller.start();
    },
    watch(account) {
      if (watched.has(account.id)) return;
      networks.set(account.id, account.network);
      const subscriptions = BRAND_COLUMNS.map((type) => {
        const subscription = poller.subscribe(
          { type, accountId: account.id, param: null },
          { visible: true },
        );
        columns.set(subscription.columnKey, { accountId: account.id, type });
        return subscription;
      });
      watched.set(account.id, subscriptions);
    },
    unwatch(accountId) {
      for (const subscription of watched.get(accountId) ?? []) {
        columns.delete(subscription.columnKey);
        subscription.close();
      }
      watched.delete(accountId);
      networks.delete(accountId);
    },
    async stop() {
      stopPolling?.();
      stopPolling = null;
      await writing;
    },
  };
}
