// Migration 4 (outbox threads) applied to a version-3 database: existing jobs read as single posts, and a
// thread cannot hold two jobs at one position.
import { describe, expect, it } from 'vitest';
import { useMigrationStore } from '../../support/migration-store.ts';
import type { MainStore } from '../../../src-main/store/main-store.ts';
import { createOutboxRepository } from '../../../src-main/publishing/outbox-repository.ts';

const insertJob = (
  store: MainStore,
  id: string,
  key: string,
  thread: string | null = null,
  index = 0,
): void => {
  const threadColumns = thread === null ? '' : ', thread_id, thread_index';
  const threadValues = thread === null ? '' : ', ?, ?';
  store.db
    .prepare(
      `INSERT INTO outbox_jobs (id, batch_id, account_id, network, state, text, payload, digest, scheduled_by,
         due_ms, idempotency_key, created_at, updated_at${threadColumns})
       VALUES (?, 'b', 'acct-1', 'mastodon', 'sent', 'hi', '{"target":{},"replyTo":null,"quote":null}', 'd',
         'roost', 0, ?, 't', 't'${threadValues})`,
    )
    .run(id, key, ...(thread === null ? [] : [thread, index]));
};

describe('migration 004-outbox-threads', () => {
  const db = useMigrationStore();
  let store: MainStore | undefined;

  it('keeps version-3 jobs as single posts and adds the thread position and CID', () => {
    const v3 = db.openAt(3);
    insertJob(v3, 'old', 'k-old');
    v3.close();

    store = db.openAt(4);
    expect(store.schemaVersion).toBe(4);
    const old = createOutboxRepository(store).get('old');
    expect(old).toEqual(expect.objectContaining({ threadId: null, threadIndex: 0, remoteCid: null }));

    insertJob(store, 't0', 'k0', 'thread-1', 0);
    insertJob(store, 't1', 'k1', 'thread-1', 1);
    expect(() => insertJob(store!, 't1b', 'k1b', 'thread-1', 1)).toThrow(/UNIQUE/);
    expect(() => insertJob(store!, 'neg', 'kn', 'thread-2', -1)).toThrow(/CHECK/);
    const repo = createOutboxRepository(store);
    expect(repo.laterInThread('thread-1', 0).map((j) => j.id)).toEqual(['t1']);
    expect(repo.threadJob('thread-1', 1)?.id).toBe('t1');
    expect(repo.threadJob('thread-1', 2)).toBeNull();
  });
});
