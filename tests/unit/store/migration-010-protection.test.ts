// Migration 10 (brand protection) applied to a version-9 database: earlier data stays, hijack alerts and
// account baselines survive a restart, the same finding is stored once, and acknowledging keeps the record.
import { describe, expect, it } from 'vitest';
import { useMigrationStore } from '../../support/migration-store.ts';
import type { MainStore } from '../../../src-main/store/main-store.ts';
import { createAccountRepository } from '../../../src-main/accounts/account-repository.ts';
import { createProtectionRepository } from '../../../src-main/protection/protection-repository.ts';
import type { HijackAlert } from '../../../src-shared/contract/protection-contract.ts';
import { sampleAccount } from './helpers.ts';

const alert = (id: string, at: number): HijackAlert => ({
  id,
  accountId: 'acct-1',
  network: 'bluesky',
  handle: 'user1.example',
  kind: 'post',
  uri: `at://did:plc:x/app.bsky.feed.post/${id}`,
  text: 'not from Roost',
  field: null,
  detectedAt: at,
  acknowledgedAt: null,
});

describe('migration 010-protection', () => {
  const db = useMigrationStore();
  let store: MainStore | undefined;

  it('keeps version-9 data and persists alerts and baselines across a restart', () => {
    const v9 = db.openAt(9);
    createAccountRepository(v9).insert(sampleAccount(1));
    v9.close();

    store = db.openAt(10);
    expect(store.schemaVersion).toBe(10);
    expect(createAccountRepository(store).get('acct-1')?.handle).toBe('user1.example');
    const repo = createProtectionRepository(store);
    const baseline = {
      accountId: 'acct-1',
      mark: 'rev-1',
      feed: {
        entries: [
          { uri: 'at://p/1', kind: 'post' as const, subjectUri: null, createdAt: '2026-01-01', text: 'hi' },
        ],
      },
      profile: { displayName: 'Brand', avatar: null, description: 'Official' },
      checkedAt: 5,
    };
    expect(repo.commitCheck([{ alert: alert('a1', 10), dedupe: 'acct-1|post|1' }], baseline)).toHaveLength(1);
    // The same finding raised again (a restart mid-check) is not a second alert.
    expect(repo.raise([{ alert: alert('a2', 11), dedupe: 'acct-1|post|1' }])).toEqual([]);
    expect(repo.raise([{ alert: alert('a3', 12), dedupe: 'acct-1|post|3' }]).map((a) => a.id)).toEqual([
      'a3',
    ]);
    store.close();

    store = db.openLatest();
    const reopened = createProtectionRepository(store);
    expect(reopened.baseline('acct-1')).toEqual(baseline);
    expect(reopened.list(false).map((a) => a.id)).toEqual(['a3', 'a1']);
    expect(reopened.acknowledge('a1', 99)?.acknowledgedAt).toBe(99);
    // Acknowledging twice keeps the first time.
    expect(reopened.acknowledge('a1', 120)?.acknowledgedAt).toBe(99);
    expect(reopened.acknowledge('nope', 1)).toBeNull();
    expect(reopened.list(false).map((a) => a.id)).toEqual(['a3']);
    expect(reopened.list(true).map((a) => [a.id, a.acknowledgedAt])).toEqual([
      ['a3', null],
      ['a1', 99],
    ]);
  });
});
