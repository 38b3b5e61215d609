// Migration 6 (feed cursors) applied to a version-5 database: existing poll cursors stay, and a feed's
// position (with its HTTP validators) now survives closing and reopening the store.
import { afterEach, describe, expect, it } from 'vitest';
import { openMainStore, type MainStore } from '../../../src-main/store/main-store.ts';
import { MIGRATIONS } from '../../../src-main/store/migrations/index.ts';
import { createAccountRepository } from '../../../src-main/accounts/account-repository.ts';
import { createCursorRepository } from '../../../src-main/streams/cursor-repository.ts';
import { createFeedCursorRepository } from '../../../src-main/streams/feed-cursor-repository.ts';
import { createCursorStore } from '../../../src-main/streams/cursor-store.ts';
import { makeTempDir, sampleAccount, type TempDir } from './helpers.ts';

describe('migration 006-feed-cursors', () => {
  let temp: TempDir | undefined;
  let store: MainStore | undefined;
  afterEach(() => {
    store?.close();
    temp?.remove();
    store = temp = undefined;
  });

  it('keeps version-5 poll cursors and persists feed positions across a restart', () => {
    temp = makeTempDir();
    const path = temp.file('main.sqlite');
    const v5 = openMainStore({ path, migrations: MIGRATIONS.slice(0, 5) });
    createAccountRepository(v5).insert(sampleAccount(1));
    createCursorRepository(v5).put({
      accountId: 'acct-1',
      columnKey: 'home',
      cursor: 'c1',
      etag: null,
      lastModified: null,
    });
    v5.close();

    store = openMainStore({ path, migrations: MIGRATIONS.slice(0, 6) });
    expect(store.schemaVersion).toBe(6);
    expect(createCursorRepository(store).get('acct-1', 'home')?.cursor).toBe('c1');

    const feed = { type: 'rss' as const, accountId: null, param: 'https://example.com/feed.xml' };
    const position = {
      cursor: 'item-9',
      validators: { etag: '"abc"', lastModified: 'Sat, 28 Nov 2026 08:00:00 GMT' },
    };
    createCursorStore(createCursorRepository(store), createFeedCursorRepository(store)).put(feed, position);
    store.close();

    store = openMainStore({ path });
    const reopened = createCursorStore(createCursorRepository(store), createFeedCursorRepository(store));
    expect(reopened.get(feed)).toEqual(position);
  });
});
