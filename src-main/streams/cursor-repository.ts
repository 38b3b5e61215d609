// Poll cursors: where each polled column stopped, so polling resumes after a restart. Only code touching
// the `poll_cursors` table.
import type { SQLOutputValue } from 'node:sqlite';
import { RoostError } from '../../src-shared/contract/errors.ts';
import type { MainStore } from '../store/main-store.ts';

export interface PollCursor {
  readonly accountId: string;
  /** Identifies the column's query (e.g. 'home', 'notifications', a feed URL); opaque to the store. */
  readonly columnKey: string;
  /** The network's pagination cursor or newest-seen id; null before the first successful poll. */
  readonly cursor: string | null;
  /** HTTP validators for conditional GET (RSS/Atom). */
  readonly etag: string | null;
  readonly lastModified: string | null;
  readonly updatedAt: string;
}

export type PollCursorInput = Omit<PollCursor, 'updatedAt'>;

export interface CursorRepository {
  get(accountId: string, columnKey: string): PollCursor | null;
  /** Replaces the whole cursor. Throws RoostError 'not_found' if the account no longer exists. */
  put(cursor: PollCursorInput): PollCursor;
}

export function createCursorRepository(
  store: MainStore,
  options: { readonly now?: () => Date } = {},
): CursorRepository {
  const { db } = store;
  const now = (): string => (options.now ?? (() => new Date()))().toISOString();
  const getStmt = db.prepare(
    `SELECT account_id, column_key, cursor, etag, last_modified, updated_at FROM poll_cursors
     WHERE account_id = ? AND column_key = ?`,
  );
  const accountExists = db.prepare('SELECT 1 AS found FROM accounts WHERE id = ?');
  const putStmt = db.prepare(
    `INSERT INTO poll_cursors (account_id, column_key, cursor, etag, last_modified, updated_at)
     VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (account_id, column_key) DO UPDATE SET
       cursor = excluded.cursor, etag = excluded.etag, last_modified = excluded.last_modified,
       updated_at = excluded.updated_at`,
  );

  return {
    get(accountId, columnKey) {
      const row = getStmt.get(accountId, columnKey);
      return row ? toCursor(row) : null;
    },
    put(input) {
      const cursor: PollCursor = {
        accountId: input.accountId,
        columnKey: input.columnKey,
        cursor: input.cursor,
        etag: input.etag,
        lastModified: input.lastModified,
        updatedAt: now(),
      };
      return store.transaction(() => {
        // A poll that finishes after its account was removed must not fail with a raw foreign-key error.
        if (!accountExists.get(cursor.accountId)) {
          throw new RoostError('not_found', `No account with id ${cursor.accountId}`);
        }
        const { accountId, columnKey, etag, lastModified, updatedAt } = cursor;
        putStmt.run(accountId, columnKey, cursor.cursor, etag, lastModified, updatedAt);
        return cursor;
      });
    },
  };
}

function toCursor(row: Record<string, SQLOutputValue>): PollCursor {
  return {
    accountId: String(row['account_id']),
    columnKey: String(row['column_key']),
    cursor: nullableText(row['cursor']),
    etag: nullableText(row['etag']),
    lastModified: nullableText(row['last_modified']),
    updatedAt: String(row['updated_at']),
  };
}

function nullableText(value: SQLOutputValue | undefined): string | null {
  return typeof value === 'string' ? value : null;
}
