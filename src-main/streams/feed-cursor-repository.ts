// Positions of account-less sources (feeds): the only code touching the `feed_cursors` table.
import type { SQLOutputValue } from 'node:sqlite';
import type { MainStore } from '../store/main-store.ts';

export interface FeedCursor {
  readonly columnKey: string;
  readonly cursor: string | null;
  readonly etag: string | null;
  readonly lastModified: string | null;
}

export interface FeedCursorRepository {
  get(columnKey: string): FeedCursor | null;
  put(cursor: FeedCursor): void;
}

export function createFeedCursorRepository(
  store: MainStore,
  options: { readonly now?: () => Date } = {},
): FeedCursorRepository {
  const now = (): string => (options.now ?? (() => new Date()))().toISOString();
  const getStmt = store.db.prepare(
    'SELECT column_key, cursor, etag, last_modified FROM feed_cursors WHERE column_key = ?',
  );
  const putStmt = store.db.prepare(
    `INSERT INTO feed_cursors (column_key, cursor, etag, last_modified, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (column_key) DO UPDATE SET cursor = excluded.cursor, etag = excluded.etag,
       last_modified = excluded.last_modified, updated_at = excluded.updated_at`,
  );
  return {
    get(columnKey) {
      const row = getStmt.get(columnKey);
      return row ? toFeedCursor(row) : null;
    },
    put(cursor) {
      putStmt.run(cursor.columnKey, cursor.cursor, cursor.etag, cursor.lastModified, now());
    },
  };
}

function toFeedCursor(row: Record<string, SQLOutputValue>): FeedCursor {
  const text = (value: SQLOutputValue | undefined): string | null =>
    value === null || value === undefined ? null : String(value);
  return {
    columnKey: String(row['column_key']),
    cursor: text(row['cursor']),
    etag: text(row['etag']),
    lastModified: text(row['last_modified']),
  };
}
