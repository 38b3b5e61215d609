// Migration 7 (post engagement) applied to a version-6 database: earlier data stays, and engagement counts
// (including "absent" ones) survive closing and reopening the store.
import { afterEach, describe, expect, it } from 'vitest';
import { openMainStore, type MainStore } from '../../../src-main/store/main-store.ts';
import { MIGRATIONS } from '../../../src-main/store/migrations/index.ts';
import { createAccountRepository } from '../../../src-main/accounts/account-repository.ts';
import { createEngagementRepository } from '../../../src-main/publishing/engagement-repository.ts';
import { createFeedCursorRepository } from '../../../src-main/streams/feed-cursor-repository.ts';
import { makeTempDir, sampleAccount, type TempDir } from './helpers.ts';

describe('migration 007-post-engagement', () => {
  let temp: TempDir | undefined;
  let store: MainStore | undefined;
  afterEach(() => {
    store?.close();
    temp?.remove();
    store = temp = undefined;
  });

  it('keeps version-6 data and persists engagement rows across a restart', () => {
    temp = makeTempDir();
    const path = temp.file('main.sqlite');
    const v6 = openMainStore({ path, migrations: MIGRATIONS.slice(0, 6) });
    createAccountRepository(v6).insert(sampleAccount(1));
    createFeedCursorRepository(v6).put({ columnKey: 'feed', cursor: 'c', etag: null, lastModified: null });
    v6.close();

    store = openMainStore({ path, migrations: MIGRATIONS.slice(0, 7) });
    expect(store.schemaVersion).toBe(7);
    expect(createAccountRepository(store).get('acct-1')?.handle).toBe('user1.example');
    expect(createFeedCursorRepository(store).get('feed')?.cursor).toBe('c');

    const rows = [
      {
        jobId: 'j1',
        accountId: 'acct-1',
        remoteId: 'at://a/1',
        sentMs: 1_000,
        engagement: 7,
        fetchedMs: 5_000,
      },
      {
        jobId: 'j2',
        accountId: 'acct-1',
        remoteId: 'at://a/2',
        sentMs: 2_000,
        engagement: null,
        fetchedMs: 5_000,
      },
      { jobId: 'j3', accountId: 'acct-2', remoteId: '1103', sentMs: 3_000, engagement: 0, fetchedMs: 6_000 },
    ];
    createEngagementRepository(store).put(rows);
    store.close();

    store = openMainStore({ path });
    const repo = createEngagementRepository(store);
    expect(repo.forAccount('acct-1', 0)).toEqual(rows.slice(0, 2));
    expect(repo.forAccount('acct-1', 1_500)).toEqual([rows[1]]);
    // A later read replaces the row.
    repo.put([{ ...rows[0]!, engagement: 9, fetchedMs: 8_000 }]);
    expect(repo.forAccount('acct-1', 0)[0]).toMatchObject({ engagement: 9, fetchedMs: 8_000 });
    expect(repo.prune(2_500)).toBe(2);
    expect(repo.forAccount('acct-2', 0)).toEqual([rows[2]]);
  });

  it('refuses a negative count and writes a batch all or none', () => {
    temp = makeTempDir();
    store = openMainStore({ path: temp.file('main.sqlite') });
    const repo = createEngagementRepository(store);
    const good = { jobId: 'ok', accountId: 'a', remoteId: 'r', sentMs: 1, engagement: 1, fetchedMs: 2 };
    expect(() => repo.put([good, { ...good, jobId: 'bad', engagement: -1 }])).toThrow();
    expect(repo.forAccount('a', 0)).toEqual([]);
  });
});
