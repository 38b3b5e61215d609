// Migration 7 (post engagement) applied to a version-6 database: earlier data stays, and engagement counts
// (including "absent" ones) survive closing and reopening the store.
import { describe, expect, it } from 'vitest';
import { useMigrationStore } from '../../support/migration-store.ts';
import type { MainStore } from '../../../src-main/store/main-store.ts';
import { createAccountRepository } from '../../../src-main/accounts/account-repository.ts';
import { createEngagementRepository } from '../../../src-main/publishing/engagement-repository.ts';
import { createFeedCursorRepository } from '../../../src-main/streams/feed-cursor-repository.ts';
import { sampleAccount } from './helpers.ts';

describe('migration 007-post-engagement', () => {
  const db = useMigrationStore();
  let store: MainStore | undefined;

  it('keeps version-6 data and persists engagement rows across a restart', () => {
    const v6 = db.openAt(6);
    createAccountRepository(v6).insert(sampleAccount(1));
    createFeedCursorRepository(v6).put({ columnKey: 'feed', cursor: 'c', etag: null, lastModified: null });
    v6.close();

    store = db.openAt(7);
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

    store = db.openLatest();
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
    store = db.openLatest();
    const repo = createEngagementRepository(store);
    const good = { jobId: 'ok', accountId: 'a', remoteId: 'r', sentMs: 1, engagement: 1, fetchedMs: 2 };
    expect(() => repo.put([good, { ...good, jobId: 'bad', engagement: -1 }])).toThrow();
    expect(repo.forAccount('a', 0)).toEqual([]);
  });
});
