// Migration 5 (short-links) applied to a version-4 database: earlier data stays, the single settings row
// and the per-server link table enforce their rules.
import { describe, expect, it } from 'vitest';
import { useMigrationStore } from '../../support/migration-store.ts';
import { createAccountRepository } from '../../../src-main/accounts/account-repository.ts';
import type { MainStore } from '../../../src-main/store/main-store.ts';
import { MIGRATIONS } from '../../../src-main/store/migrations/index.ts';
import { sampleAccount } from '../store/helpers.ts';

describe('migration 005-short-links', () => {
  const db = useMigrationStore();
  let store: MainStore | undefined;

  it('is registered as version 5', () => {
    expect(MIGRATIONS[4]?.version).toBe(5);
    expect(MIGRATIONS[4]?.name).toBe('short-links');
  });

  it('keeps version-4 data and adds one settings row and links unique per server and code', () => {
    const v4 = db.openAt(4);
    expect(v4.schemaVersion).toBe(4);
    const account = createAccountRepository(v4).insert(sampleAccount(1));
    v4.close();

    store = db.openAt(5);
    expect(store.schemaVersion).toBe(5);
    expect(createAccountRepository(store).get('acct-1')).toEqual(account);

    const settings = store.db.prepare(
      "INSERT INTO shortener_settings (id, provider, base_url, allow_mastodon, updated_at) VALUES (?, 'shlink', 'https://s.test', 0, 't')",
    );
    settings.run(1);
    expect(() => settings.run(2)).toThrow(/CHECK/);
    expect(() => settings.run(1)).toThrow(/UNIQUE|PRIMARY/);

    const link = store.db.prepare(
      "INSERT INTO short_links (base_url, code, provider, short_url, long_url, created_at) VALUES (?, ?, 'shlink', 'u', 'l', 't')",
    );
    link.run('https://s.test', 'abc');
    link.run('https://other.test', 'abc');
    expect(() => link.run('https://s.test', 'abc')).toThrow(/UNIQUE|PRIMARY/);
    expect(() => store?.db.prepare("UPDATE short_links SET clicks = -1 WHERE code = 'abc'").run()).toThrow(
      /CHECK/,
    );
  });
});
