// Migration 1 (accounts) on a fresh database: the table exists with its constraints and accepts the registry.
import { describe, expect, it } from 'vitest';
import { useMigrationStore } from '../../support/migration-store.ts';
import type { MainStore } from '../../../src-main/store/main-store.ts';

describe('migration 001-accounts', () => {
  const db = useMigrationStore();
  let store: MainStore | undefined;

  it('creates the accounts table, with no secret column, from version 0', () => {
    const empty = db.openAt(0);
    expect(empty.schemaVersion).toBe(0);
    empty.close();

    store = db.openAt(1);
    expect(store.schemaVersion).toBe(1);
    const columns = store.db
      .prepare("SELECT name FROM pragma_table_info('accounts') ORDER BY cid")
      .all()
      .map((r) => r['name']);
    expect(columns).toEqual([
      'id',
      'network',
      'service',
      'remote_id',
      'handle',
      'display_name',
      'avatar_url',
      'status',
      'protected',
      'created_at',
      'updated_at',
    ]);
    expect(columns.some((c) => /token|password|secret/i.test(String(c)))).toBe(false);
  });

  it('enforces one row per network + remote id, and protected as 0/1', () => {
    store = db.openInMemoryAt(1);
    const insert = store.db.prepare(
      `INSERT INTO accounts (id, network, service, remote_id, handle, display_name, avatar_url, status, protected,
       created_at, updated_at) VALUES (?, 'bluesky', 's', ?, 'h', 'd', NULL, 'active', ?, 't', 't')`,
    );
    insert.run('a', 'did:plc:1', 0);
    expect(() => insert.run('b', 'did:plc:1', 0)).toThrow(/UNIQUE/);
    expect(() => insert.run('c', 'did:plc:2', 2)).toThrow(/CHECK/);
    expect(() => insert.run('d', 'did:plc:3', '1')).not.toThrow(); // STRICT coerces the text '1' to INTEGER 1
    expect(() => insert.run('e', 'did:plc:4', 'yes')).toThrow(/cannot store TEXT/);
  });
});
