// openMainStore: pragmas really in effect, WAL on disk, and the transaction helper's commit/rollback rules.
import { existsSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { openMainStore, type MainStore } from '../../../src-main/store/main-store.ts';
import { MIGRATIONS } from '../../../src-main/store/migrations/index.ts';
import { makeTempDir, type TempDir } from './helpers.ts';

// A pragma's result column is not always named after it (busy_timeout answers as `timeout`).
const pragma = (store: MainStore, name: string): unknown =>
  Object.values(store.db.prepare(`PRAGMA ${name}`).get() ?? {})[0];

describe('openMainStore', () => {
  let temp: TempDir | undefined;
  let store: MainStore | undefined;
  afterEach(() => {
    store?.close();
    temp?.remove();
    store = temp = undefined;
  });

  it('puts a file database in WAL mode, visible to a second connection and on disk', () => {
    temp = makeTempDir();
    const path = temp.file('main.sqlite');
    store = openMainStore({ path });
    store.db.exec("CREATE TABLE t (v TEXT); INSERT INTO t VALUES ('x')");
    expect(pragma(store, 'journal_mode')).toBe('wal');
    expect(existsSync(`${path}-wal`)).toBe(true);
    const other = new DatabaseSync(path);
    try {
      expect(other.prepare('PRAGMA journal_mode').get()?.['journal_mode']).toBe('wal');
      expect(other.prepare('SELECT v FROM t').get()?.['v']).toBe('x');
    } finally {
      other.close();
    }
  });

  it('turns on foreign keys, synchronous=FULL and a busy timeout', () => {
    store = openMainStore({ path: ':memory:', busyTimeoutMs: 1234 });
    expect(pragma(store, 'foreign_keys')).toBe(1);
    expect(pragma(store, 'synchronous')).toBe(2); // 2 = FULL
    expect(pragma(store, 'busy_timeout')).toBe(1234);
    expect(store.schemaVersion).toBe(MIGRATIONS.length);
  });

  it('commits what a transaction wrote and returns its value', () => {
    store = openMainStore({ path: ':memory:' });
    const s = store;
    s.db.exec('CREATE TABLE t (v INTEGER)');
    const result = s.transaction(() => {
      s.db.exec('INSERT INTO t VALUES (1)');
      return 'done';
    });
    expect(result).toBe('done');
    expect(s.db.isTransaction).toBe(false);
    expect(s.db.prepare('SELECT count(*) AS n FROM t').get()?.['n']).toBe(1);
  });

  it('rolls everything back when the function throws, and rethrows', () => {
    store = openMainStore({ path: ':memory:' });
    const s = store;
    s.db.exec('CREATE TABLE t (v INTEGER)');
    expect(() =>
      s.transaction(() => {
        s.db.exec('INSERT INTO t VALUES (1)');
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(s.db.isTransaction).toBe(false);
    expect(s.db.prepare('SELECT count(*) AS n FROM t').get()?.['n']).toBe(0);
  });

  it('turns a nested transaction into a savepoint: the inner failure undoes only the inner writes', () => {
    store = openMainStore({ path: ':memory:' });
    const s = store;
    s.db.exec('CREATE TABLE t (v INTEGER)');
    s.transaction(() => {
      s.db.exec('INSERT INTO t VALUES (1)');
      expect(() =>
        s.transaction(() => {
          s.db.exec('INSERT INTO t VALUES (2)');
          throw new Error('inner');
        }),
      ).toThrow('inner');
      s.transaction(() => s.db.exec('INSERT INTO t VALUES (3)'));
    });
    const values = s.db
      .prepare('SELECT v FROM t ORDER BY v')
      .all()
      .map((r) => r['v']);
    expect(values).toEqual([1, 3]);
  });

  it('refuses an async function and rolls back what it wrote before its first await', async () => {
    store = openMainStore({ path: ':memory:' });
    const s = store;
    s.db.exec('CREATE TABLE t (v INTEGER)');
    let pending: Promise<void> | undefined;
    expect(() =>
      s.transaction(() => {
        s.db.exec('INSERT INTO t VALUES (1)');
        pending = Promise.resolve();
        return pending;
      }),
    ).toThrow(/synchronous/);
    await pending;
    expect(s.db.prepare('SELECT count(*) AS n FROM t').get()?.['n']).toBe(0);
  });

  it('takes the write lock at BEGIN, so a second writer is turned away before doing any work', () => {
    temp = makeTempDir();
    const path = temp.file('main.sqlite');
    store = openMainStore({ path });
    const other = openMainStore({ path, busyTimeoutMs: 0 });
    try {
      store.transaction(() => {
        expect(() => other.transaction(() => undefined)).toThrow(/locked|busy/i);
      });
      expect(other.transaction(() => 'ok')).toBe('ok');
    } finally {
      other.close();
    }
  });

  it('closes the connection, and closing twice is harmless', () => {
    store = openMainStore({ path: ':memory:' });
    store.close();
    expect(store.db.isOpen).toBe(false);
    expect(() => store?.close()).not.toThrow();
  });
});
