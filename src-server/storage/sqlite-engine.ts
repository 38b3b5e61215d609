// The embedded engine: one SQLite file through node:sqlite, WAL with synchronous=FULL so a change is on disk
// before the server acknowledges it. Two connections: writes go through one, in queued transactions; reads
// outside a transaction use the other, so they only ever see committed rows (a feed must never send a change
// that a failing transaction is about to roll back).
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
import type { SqlEngine, SqlExecutor, SqlRow, SqlValue } from './sql-engine.ts';

function connect(path: string): DatabaseSync {
  const db = new DatabaseSync(path, { enableForeignKeyConstraints: true });
  // First: switching to WAL takes a lock, and processes opening one file at once must wait for it, not fail.
  db.exec('PRAGMA busy_timeout = 5000');
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = FULL');
  return db;
}

function executorFor(db: DatabaseSync): SqlExecutor {
  const statements = new Map<string, StatementSync>();
  const prepare = (sql: string): StatementSync => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  const bind = (params: readonly SqlValue[] = []) => params as SQLInputValue[];
  return {
    all: async (sql, params) => prepare(sql).all(...bind(params)) as SqlRow[],
    get: async (sql, params) => prepare(sql).get(...bind(params)) as SqlRow | undefined,
    run: async (sql, params) => Number(prepare(sql).run(...bind(params)).changes),
  };
}

export function openSqliteEngine(path: string): SqlEngine {
  const writer = connect(path);
  const reader = path === ':memory:' ? writer : connect(path);
  const write = executorFor(writer);
  const read = executorFor(reader);
  // A queue, not a BEGIN per call: `fn` awaits between statements, and another request's statements must not
  // land inside this transaction.
  let tail: Promise<unknown> = Promise.resolve();
  const transaction = <T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> => {
    const run = async (): Promise<T> => {
      writer.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn(write);
        writer.exec('COMMIT');
        return result;
      } catch (error) {
        if (writer.isTransaction) writer.exec('ROLLBACK');
        throw error;
      }
    };
    const next = tail.then(run, run);
    tail = next.catch(() => undefined);
    return next;
  };
  return {
    kind: 'sqlite',
    all: read.all,
    get: read.get,
    run: (sql, params) => transaction((tx) => tx.run(sql, params)),
    transaction,
    async close() {
      await tail.catch(() => undefined);
      if (reader.isOpen) reader.close();
      if (writer.isOpen) writer.close();
    },
  };
}
