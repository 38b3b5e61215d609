// Migration 2 (poll_cursors) applied to a version-1 database holding accounts: they survive, cursors attach.
import { afterEach, describe, expect, it } from 'vitest';
import { createAccountRepository } from '../../../src-main/accounts/account-repository.ts';
import { openMainStore, type MainStore } from '../../../src-main/store/main-store.ts';
import { MIGRATIONS } from '../../../src-main/store/migrations/index.ts';
import { makeTempDir, sampleAccount, type TempDir } from './helpers.ts';

describe('migration 002-poll-cursors', () => {
  let temp: TempDir | undefined;
  let store: MainStore | undefined;
  afterEach(() => {
    store?.close();
    temp?.remove();
    store = temp = undefined;
  });

  it('keeps the version-1 accounts and adds cursors that die with their account', () => {
    temp = makeTempDir();
    const path = temp.file('main.sqlite');
    const v1 = openMainStore({ path, migrations: MIGRATIONS.slice(0, 1) });
    expect(v1.schemaVersion).toBe(1);
    const seeded = [1, 2, 3].map((n) =>
      createAccountRepository(v1).insert(sampleAccount(n, { protected: n === 2 })),
    );
    v1.close();

    store = openMainStore({ path, migrations: MIGRATIONS.slice(0, 2) });
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
