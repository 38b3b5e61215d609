// Engagement counts read back for sent posts: the only code touching the `post_engagement` table.
import type { SQLOutputValue } from 'node:sqlite';
import type { MainStore } from '../store/main-store.ts';

export interface PostEngagement {
  /** The outbox job that sent the post. */
  readonly jobId: string;
  readonly accountId: string;
  /** The network's id of the post (Bluesky at:// URI, Mastodon status id). */
  readonly remoteId: string;
  readonly sentMs: number;
  /** Likes + reposts + replies (+ quotes); null when the post was absent at the last read. */
  readonly engagement: number | null;
  readonly fetchedMs: number;
}

export interface EngagementRepository {
  /** Rows of an account for posts sent at or after `sinceMs`. */
  forAccount(accountId: string, sinceMs: number): PostEngagement[];
  /** Inserts or replaces rows, all or none. */
  put(rows: readonly PostEngagement[]): void;
  /** Forgets rows of posts sent before `beforeMs`; returns how many. */
  prune(beforeMs: number): number;
}

export function createEngagementRepository(store: MainStore): EngagementRepository {
  const { db } = store;
  const forAccountStmt = db.prepare(
    `SELECT job_id, account_id, remote_id, sent_ms, engagement, fetched_ms FROM post_engagement
     WHERE account_id = ? AND sent_ms >= ? ORDER BY sent_ms`,
  );
  const putStmt = db.prepare(
    `INSERT INTO post_engagement (job_id, account_id, remote_id, sent_ms, engagement, fetched_ms)
     VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (job_id) DO UPDATE SET account_id = excluded.account_id, remote_id = excluded.remote_id,
       sent_ms = excluded.sent_ms, engagement = excluded.engagement, fetched_ms = excluded.fetched_ms`,
  );
  const pruneStmt = db.prepare('DELETE FROM post_engagement WHERE sent_ms < ?');
  return {
    forAccount(accountId, sinceMs) {
      return forAccountStmt.all(accountId, sinceMs).map(toRow);
    },
    put(rows) {
      if (rows.length === 0) return;
      store.transaction(() => {
        for (const r of rows) {
          putStmt.run(r.jobId, r.accountId, r.remoteId, r.sentMs, r.engagement, r.fetchedMs);
        }
      });
    },
    prune(beforeMs) {
      return Number(pruneStmt.run(beforeMs).changes);
    },
  };
}

function toRow(row: Record<string, SQLOutputValue>): PostEngagement {
  const engagement = row['engagement'];
  return {
    jobId: String(row['job_id']),
    accountId: String(row['account_id']),
    remoteId: String(row['remote_id']),
    sentMs: Number(row['sent_ms']),
    engagement: engagement === null || engagement === undefined ? null : Number(engagement),
    fetchedMs: Number(row['fetched_ms']),
  };
}
