// Migration 2 (poll_cursors) applied to a version-1 database holding accounts: they survive, cursors attach.
import { describe, expect, it } from 'vitest';
import { useMigrationStore } from '../../support/migration-store.ts';
import { createAccountRepository } from '../../../src-main/accounts/account-repository.ts';
import type { MainStore } from '../../../src-main/store/main-store.ts';
import { sampleAccount } from './helpers.ts';

describe('migration 002-poll-cursors', () => {
  const db = useMigrationStore();
  let store: MainStore | undefined;

  it('keeps the version-1 accounts and adds cursors that die with their account', () => {
    const v1 = db.openAt(1);
    expect(v1.schemaVersion).toBe(1);
    const seeded = [1, 2, 3].map((n) =>
      createAccountRepository(v1).insert(sampleAccount(n, { protected: n === 2 })),
    );
    v1.close();

    store = db.openAt(2);
    expect(store.schemaVersion).toBe(2);
    expect(createAccountRepository(store).list()).toEqual(seeded);

    const putCursor = store.db.prepare(
      "INSERT INTO poll_cursors (account_id, column_key, cursor, updated_at) VALUES (?, 'home', 'c1', 't')",
    );
    putCursor.run('acct-1');
    putCursor.run('acct-2');
    expect(() => putCursor.run('acct-missing')).toThrow(/FOREIGN KEY/);
    store.db.prepare('DELETE FROM accounts WHERE id = ?').run('acct-1');
    const left = store.db
      .prepare('SELECT account_id FROM poll_cursors')
      .all()
      .map((r) => r['account_id']);
    expect(left).toEqual(['acct-2']);
  });
});
