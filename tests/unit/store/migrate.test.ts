// The migration runner: list checks, agreement with the files on disk, refusal of newer databases, atomicity.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { openMainStore, type MainStore } from '../../../src-main/store/main-store.ts';
import {
  checkMigrationList,
  readSchemaVersion,
  StoreTooNewError,
  type Migration,
} from '../../../src-main/store/migrate.ts';
import { MIGRATIONS } from '../../../src-main/store/migrations/index.ts';
import { makeTempDir, type TempDir } from './helpers.ts';

const migrationsDir = fileURLToPath(new URL('../../../src-main/store/migrations/', import.meta.url));
const noop = (version: number, name = `m${version}`): Migration => ({ version, name, up: () => undefined });

describe('migrations', () => {
  let temp: TempDir | undefined;
  let store: MainStore | undefined;
  afterEach(() => {
    store?.close();
    temp?.remove();
    store = temp = undefined;
  });

  it('has one NNN-name.ts file per migration, numbered like the list', () => {
    const files = readdirSync(migrationsDir)
      .filter((f) => f !== 'index.ts')
      .sort();
    expect(files.every((f) => /^\d{3}-[a-z0-9-]+\.ts$/.test(f))).toBe(true);
    expect(files).toEqual(MIGRATIONS.map((m) => `${String(m.version).padStart(3, '0')}-${m.name}.ts`));
    expect(() => checkMigrationList(MIGRATIONS)).not.toThrow();
  });

  it('rejects gaps, duplicates, reordering and a list not starting at 1', () => {
    expect(() => checkMigrationList([noop(1), noop(3)])).toThrow(/no gap/);
    expect(() => checkMigrationList([noop(1), noop(1, 'again')])).toThrow(/no gap/);
    expect(() => checkMigrationList([noop(2), noop(1)])).toThrow(/no gap/);
    expect(() => checkMigrationList([noop(2)])).toThrow(/no gap/);
    expect(() => checkMigrationList([noop(1, 'same'), noop(2, 'same')])).toThrow(/unique/);
    expect(() => checkMigrationList([noop(1), noop(2), noop(3)])).not.toThrow();
  });

  it('applies only the migrations a database has not seen, and records each in user_version', () => {
    temp = makeTempDir();
    const path = temp.file('main.sqlite');
    const ran: number[] = [];
    const tracked = (version: number): Migration => ({ ...noop(version), up: () => void ran.push(version) });
    openMainStore({ path, migrations: [tracked(1)] }).close();
    store = openMainStore({ path, migrations: [tracked(1), tracked(2), tracked(3)] });
    expect(ran).toEqual([1, 2, 3]);
    expect(readSchemaVersion(store.db)).toBe(3);
    expect(store.schemaVersion).toBe(3);
  });

  it('refuses, with a clear error, a database written by a newer Roost', () => {
    temp = makeTempDir();
    const path = temp.file('main.sqlite');
    openMainStore({ path, migrations: [...MIGRATIONS, noop(MIGRATIONS.length + 1)] }).close();
    let error: unknown;
    try {
      openMainStore({ path });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(StoreTooNewError);
    expect((error as StoreTooNewError).code).toBe('internal');
    const known = MIGRATIONS.length;
    expect((error as StoreTooNewError).databaseVersion).toBe(known + 1);
    expect((error as StoreTooNewError).knownVersion).toBe(known);
    expect((error as Error).message).toMatch(
      new RegExp(`schema version ${known + 1}.*only knows up to ${known}.*newer Roost`, 's'),
    );
  });

  it('rolls a failing migration back entirely and leaves the version where it was', () => {
    temp = makeTempDir();
    const path = temp.file('main.sqlite');
    const failing: Migration = {
      version: MIGRATIONS.length + 1,
      name: 'half-done',
      up(db) {
        db.exec('CREATE TABLE half (v INTEGER)');
        throw new Error('migration 3 failed');
      },
    };
    expect(() => openMainStore({ path, migrations: [...MIGRATIONS, failing] })).toThrow('migration 3 failed');
    store = openMainStore({ path });
    expect(store.schemaVersion).toBe(MIGRATIONS.length);
    const half = store.db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get();
    expect(half).toBeUndefined();
  });
});
