// Migration 3 (outbox_jobs) applied to a version-2 database: accounts and cursors survive, and the outbox's
// uniqueness rules (one record key per account, one Idempotency-Key per job) hold.
import { describe, expect, it } from 'vitest';
import { useMigrationStore } from '../../support/migration-store.ts';
import { createAccountRepository } from '../../../src-main/accounts/account-repository.ts';
import type { MainStore } from '../../../src-main/store/main-store.ts';
import { sampleAccount } from './helpers.ts';

const insertJob = (store: MainStore, id: string, rkey: string | null, key: string): void => {
  store.db
    .prepare(
      `INSERT INTO outbox_jobs (id, batch_id, account_id, network, state, text, payload, digest, scheduled_by,
         due_ms, rkey, idempotency_key, created_at, updated_at)
       VALUES (?, 'b', 'acct-1', 'bluesky', 'queued', 'hi', '{}', 'd', 'roost', 0, ?, ?, 't', 't')`,
    )
    .run(id, rkey, key);
};

describe('migration 003-outbox', () => {
  const db = useMigrationStore();
  let store: MainStore | undefined;

  it('keeps version-2 data and adds an outbox that refuses a reused record key or Idempotency-Key', () => {
    const v2 = db.openAt(2);
    expect(v2.schemaVersion).toBe(2);
    const account = createAccountRepository(v2).insert(sampleAccount(1));
    v2.db
      .prepare(
        "INSERT INTO poll_cursors (account_id, column_key, cursor, updated_at) VALUES ('acct-1', 'home', 'c', 't')",
      )
      .run();
    v2.close();

    store = db.openAt(3);
    expect(store.schemaVersion).toBe(3);
    expect(createAccountRepository(store).get('acct-1')).toEqual(account);
    expect(store.db.prepare('SELECT count(*) AS n FROM poll_cursors').get()?.['n']).toBe(1);

    insertJob(store, 'j1', '3jzfcijpj2z2a', 'k1');
    expect(() => insertJob(store!, 'j2', '3jzfcijpj2z2a', 'k2')).toThrow(/UNIQUE/);
    expect(() => insertJob(store!, 'j3', null, 'k1')).toThrow(/UNIQUE/);
    expect(() => store!.db.prepare("UPDATE outbox_jobs SET state = 'posted' WHERE id = 'j1'").run()).toThrow(
      /CHECK/,
    );
    insertJob(store, 'j4', null, 'k4');
    expect(store.db.prepare('SELECT count(*) AS n FROM outbox_jobs').get()?.['n']).toBe(2);
  });
});
