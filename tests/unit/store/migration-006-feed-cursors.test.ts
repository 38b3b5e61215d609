// Migration 6 (feed cursors) applied to a version-5 database: existing poll cursors stay, and a feed's
// position (with its HTTP validators) now survives closing and reopening the store.
import { describe, expect, it } from 'vitest';
import { useMigrationStore } from '../../support/migration-store.ts';
import type { MainStore } from '../../../src-main/store/main-store.ts';
import { createAccountRepository } from '../../../src-main/accounts/account-repository.ts';
import { createCursorRepository } from '../../../src-main/streams/cursor-repository.ts';
import { createFeedCursorRepository } from '../../../src-main/streams/feed-cursor-repository.ts';
import { createCursorStore } from '../../../src-main/streams/cursor-store.ts';
import { sampleAccount } from './helpers.ts';

describe('migration 006-feed-cursors', () => {
  const db = useMigrationStore();
  let store: MainStore | undefined;

  it('keeps version-5 poll cursors and persists feed positions across a restart', () => {
    const v5 = db.openAt(5);
    createAccountRepository(v5).insert(sampleAccount(1));
    createCursorRepository(v5).put({
      accountId: 'acct-1',
      columnKey: 'home',
      cursor: 'c1',
      etag: null,
      lastModified: null,
    });
    v5.close();

    store = db.openAt(6);
    expect(store.schemaVersion).toBe(6);
    expect(createCursorRepository(store).get('acct-1', 'home')?.cursor).toBe('c1');

    const feed = { type: 'rss' as const, accountId: null, param: 'https://example.com/feed.xml' };
    const position = {
      cursor: 'item-9',
      validators: { etag: '"abc"', lastModified: 'Sat, 28 Nov 2026 08:00:00 GMT' },
    };
    createCursorStore(createCursorRepository(store), createFeedCursorRepository(store)).put(feed, position);
    store.close();

    store = db.openLatest();
    const reopened = createCursorStore(createCursorRepository(store), createFeedCursorRepository(store));
    expect(reopened.get(feed)).toEqual(position);
  });
});
