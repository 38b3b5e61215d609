// What a connection hands on: streamed items to each column whose route accepts them, once (an edit replaces
// the stored item on purpose), and deletions once per account however many of its streams announce them.
import type { StreamItem } from '../../../src-shared/domain/stream-item.ts';
import { createRecentKeys, type RecentKeys } from '../recent-keys.ts';
import type { StreamRoute } from '../stream-routes.ts';
import type { Connection, StreamingManagerOptions } from './streaming-types.ts';

export interface StreamDelivery {
  deliver(conn: Connection, events: StreamRoute['events'], item: StreamItem, edited: boolean): void;
  deleted(accountId: string, actionRef: string): void;
  /** The account has no stream left: its remembered deletions go. */
  forget(accountId: string): void;
  clear(): void;
}

export function createStreamDelivery(options: StreamingManagerOptions): StreamDelivery {
  const deletesLimit = options.recentDeletesPerAccount ?? 1_000;
  const recentDeletes = new Map<string, RecentKeys>();
  return {
    deliver(conn, events, item, edited) {
      for (const col of conn.columns) {
        if (col.route.events !== events || !col.route.accepts(item)) continue;
        // An edit carries a known key on purpose: it replaces the stored item.
        if (!edited && col.recent.has(item.key)) continue;
        col.recent.add(item.key);
        options.onItems({ kind: 'items', columnKey: col.key, items: [item], placement: 'newest' });
      }
    },
    deleted(accountId, actionRef) {
      let recent = recentDeletes.get(accountId);
      if (recent === undefined) {
        recent = createRecentKeys(deletesLimit);
        recentDeletes.set(accountId, recent);
      }
      if (recent.has(actionRef)) return;
      recent.add(actionRef);
      options.onDeleted({ accountId, network: 'mastodon', actionRef });
    },
    forget: (accountId) => void recentDeletes.delete(accountId),
    clear: () => recentDeletes.clear(),
  };
}
