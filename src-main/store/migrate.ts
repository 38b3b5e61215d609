// Applies numbered schema migrations in order, one transaction each, tracking progress in PRAGMA user_version.
import type { DatabaseSync } from 'node:sqlite';
import { RoostError } from '../../src-shared/contract/errors.ts';

export interface Migration {
  /** 1-based and contiguous; equals the number in the file name (001-accounts.ts → 1). */
  readonly version: number;
  readonly name: string;
  /** Runs inside a transaction; must only use `db` synchronously. */
  up(db: DatabaseSync): void;
}

/** The database was written by a newer Roost: opening it with this build could corrupt data it does not know. */
export class StoreTooNewError extends RoostError {
  readonly databaseVersion: number;
  readonly knownVersion: number;
  constructor(databaseVersion: number, knownVersion: number) {
    super(
      'internal',
      `The local database is at schema version ${databaseVersion}, but this version of Roost only knows up to ` +
        `${knownVersion}. It was opened by a newer Roost; update Roost to open it.`,
    );
    this.name = 'StoreTooNewError';
    this.databaseVersion = databaseVersion;
    this.knownVersion = knownVersion;
  }
}

/** Throws unless versions run 1, 2, 3 … in array order with distinct, non-empty names. */
export function checkMigrationList(migrations: readonly Migration[]): void {
  const names = new Set<string>();
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(
        `Migration "${migration.name}" has version ${migration.version} at position ${index + 1}: ` +
          'migrations must be numbered 1, 2, 3 … with no gap, duplicate or reordering',
      );
    }
    if (migration.name.trim() === '' || names.has(migration.name)) {
      throw new Error(`Migration ${migration.version} needs a unique, non-empty name`);
    }
    names.add(migration.name);
  });
}

export function readSchemaVersion(db: DatabaseSync): number {
  const row = db.prepare('PRAGMA user_version').get();
  return Number(row?.['user_version'] ?? 0);
}

/** Brings `db` up to the last migration and returns the resulting version. */
export function applyMigrations(
  db: DatabaseSync,
  migrations: readonly Migration[],
  transaction: <T>(fn: () => T) => T,
): number {
  checkMigrationList(migrations);
  const known = migrations.length;
  const initial = readSchemaVersion(db);
  if (initial > known) throw new StoreTooNewError(initial, known);
  for (const migration of migrations.slice(initial)) {
    transaction(() => {
      // Re-read under the write lock: another process may have migrated since we looked.
      if (readSchemaVersion(db) >= migration.version) return;
      migration.up(db);
      // user_version lives in the database header and is written inside this transaction, so a crash leaves the
      // schema and the recorded version in step.
      db.exec(`PRAGMA user_version = ${migration.version}`);
    });
  }
  const final = readSchemaVersion(db);
  if (final > known) throw new StoreTooNewError(final, known);
  return final;
}
