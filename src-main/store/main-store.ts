// Main's durable store: one SQLite connection (node:sqlite) with the pragmas, the migration step and the
// transaction helper every repository goes through.
import { DatabaseSync } from 'node:sqlite';
import { MIGRATIONS } from './migrations/index.ts';
import { applyMigrations, type Migration } from './migrate.ts';

export interface MainStoreOptions {
  /** A file path, or ':memory:' for tests. */
  readonly path: string;
  /** Defaults to every known migration; tests pass a prefix to build a database at an older version. */
  readonly migrations?: readonly Migration[];
  /** How long a write waits for another connection's lock before failing with SQLITE_BUSY. */
  readonly busyTimeoutMs?: number;
}

export interface MainStore {
  readonly db: DatabaseSync;
  readonly path: string;
  /** The schema version the database is at after opening (PRAGMA user_version). */
  readonly schemaVersion: number;
  /**
   * Runs `fn` atomically: BEGIN IMMEDIATE … COMMIT, ROLLBACK when it throws. A nested call becomes a savepoint,
   * so repositories can use transactions and still be composed inside a caller's larger one.
   * `fn` must be synchronous: an await inside would let other work interleave with the open transaction.
   */
  transaction<T>(fn: () => T): T;
  close(): void;
}

export function openMainStore(options: MainStoreOptions): MainStore {
  const db = new DatabaseSync(options.path, { enableForeignKeyConstraints: true });
  try {
    configure(db, options.busyTimeoutMs ?? 5_000);
    const transaction = createTransaction(db);
    const schemaVersion = applyMigrations(db, options.migrations ?? MIGRATIONS, transaction);
    return {
      db,
      path: options.path,
      schemaVersion,
      transaction,
      close: () => {
        if (db.isOpen) db.close();
      },
    };
  } catch (error) {
    db.close();
    throw error;
  }
}

function configure(db: DatabaseSync, busyTimeoutMs: number): void {
  // WAL lets readers run while a write is in progress and keeps the main file untouched until a checkpoint, so
  // a process killed mid-write leaves the last committed state intact. ':memory:' stays 'memory', which is fine.
  db.exec('PRAGMA journal_mode = WAL');
  // FULL, not WAL's usual NORMAL: with NORMAL a commit is safe from a process crash but the last transactions
  // can vanish on power loss or an OS crash. The outbox promises "sent exactly once, never silently lost", so a
  // commit must be on disk before we act on it (e.g. publish); the cost is one fsync per commit, and main's
  // writes are few and small.
  db.exec('PRAGMA synchronous = FULL');
  db.exec('PRAGMA foreign_keys = ON');
  db.exec(`PRAGMA busy_timeout = ${Math.max(0, Math.trunc(busyTimeoutMs))}`);
}

function createTransaction(db: DatabaseSync): MainStore['transaction'] {
  let depth = 0;
  return <T>(fn: () => T): T => {
    const savepoint = `roost_sp_${depth}`;
    db.exec(depth === 0 ? 'BEGIN IMMEDIATE' : `SAVEPOINT ${savepoint}`);
    depth += 1;
    try {
      const result = fn();
      if (result instanceof Promise) {
        throw new TypeError('store.transaction(fn): fn must be synchronous, it returned a Promise');
      }
      db.exec(depth === 1 ? 'COMMIT' : `RELEASE ${savepoint}`);
      return result;
    } catch (error) {
      if (depth === 1) {
        // SQLite may already have rolled back on its own (e.g. SQLITE_FULL); a second ROLLBACK would then throw.
        if (db.isTransaction) db.exec('ROLLBACK');
      } else {
        db.exec(`ROLLBACK TO ${savepoint}`);
        db.exec(`RELEASE ${savepoint}`);
      }
      throw error;
    } finally {
      depth -= 1;
    }
  };
}
