// Where the poller keeps each source's position between polls and across restarts: account-bound sources in
// the main store's poll_cursors table, sources without an account (RSS feeds) in feed_cursors.
import type { ColumnSource } from '../../src-shared/domain/column.ts';
import { columnSourceKey } from '../../src-shared/domain/column.ts';
import type { CursorRepository } from './cursor-repository.ts';
import type { FeedCursorRepository } from './feed-cursor-repository.ts';

export interface Validators {
  readonly etag: string | null;
  readonly lastModified: string | null;
}

export interface StoredPosition {
  /** The `newest` position of the last page, passed as `since` next time. */
  readonly cursor: string | null;
  readonly validators: Validators;
}

export interface CursorStore {
  get(source: ColumnSource): StoredPosition | null;
  put(source: ColumnSource, position: StoredPosition): void;
}

export function createCursorStore(repository: CursorRepository, feeds?: FeedCursorRepository): CursorStore {
  // Without a feed repository (older callers, tests), feed positions live only as long as the process.
  const memory = new Map<string, StoredPosition>();
  return {
    get(source) {
      const key = columnSourceKey(source);
      if (source.accountId === null) {
        if (!feeds) return memory.get(key) ?? null;
        const row = feeds.get(key);
        return row
          ? { cursor: row.cursor, validators: { etag: row.etag, lastModified: row.lastModified } }
          : null;
      }
      const row = repository.get(source.accountId, key);
      if (row === null) return null;
      return { cursor: row.cursor, validators: { etag: row.etag, lastModified: row.lastModified } };
    },
    put(source, position) {
      const key = columnSourceKey(source);
      if (source.accountId === null) {
        if (!feeds) return void memory.set(key, position);
        feeds.put({
          columnKey: key,
          cursor: position.cursor,
          etag: position.validators.etag,
          lastModified: position.validators.lastModified,
        });
        return;
      }
      repository.put({
        accountId: source.accountId,
        columnKey: key,
        cursor: position.cursor,
        etag: position.validators.etag,
        lastModified: position.validators.lastModified,
      });
    },
  };
}

/** A store that forgets on exit: for browser-mode demos and tests that do not exercise persistence. */
export function createMemoryCursorStore(): CursorStore {
  const memory = new Map<string, StoredPosition>();
  return {
    get: (source) => memory.get(columnSourceKey(source)) ?? null,
    put: (source, position) => void memory.set(columnSourceKey(source), position),
  };
}
