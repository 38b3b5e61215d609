// The set-up every migration test of main's SQLite store shares: one throwaway database file per test,
// opened as an older Roost would (only its first N migrations), then again as a newer one. Every store
// opened through it is closed, and the folder removed, after each test.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openMainStore, type MainStore } from '../../src-main/store/main-store.ts';
import { MIGRATIONS } from '../../src-main/store/migrations/index.ts';

export interface MigrationStore {
  /** The current test's database file (created on first use). */
  readonly path: string;
  /** Opens the file with the first `version` migrations applied (0: none): the schema of that release. */
  openAt(version: number): MainStore;
  /** Opens the file with every migration, as the current release does. */
  openLatest(): MainStore;
  /** A fresh in-memory database at `version`, for checks that need no reopening. */
  openInMemoryAt(version: number): MainStore;
}

/** Call once inside a `describe`; registers its own clean-up. */
export function useMigrationStore(): MigrationStore {
  let dir: string | null = null;
  const opened: MainStore[] = [];
  const track = (store: MainStore): MainStore => {
    opened.push(store);
    return store;
  };
  const path = (): string => {
    dir ??= mkdtempSync(join(tmpdir(), 'roost-migration-'));
    return join(dir, 'main.sqlite');
  };
  const migrationsUpTo = (version: number) => {
    if (!Number.isInteger(version) || version < 0 || version > MIGRATIONS.length) {
      throw new Error(`No schema version ${version}: there are ${MIGRATIONS.length} migrations.`);
    }
    return MIGRATIONS.slice(0, version);
  };

  afterEach(() => {
    for (const store of opened.splice(0)) store.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = null;
  });

  return {
    get path() {
      return path();
    },
    openAt: (version) => track(openMainStore({ path: path(), migrations: migrationsUpTo(version) })),
    openLatest: () => track(openMainStore({ path: path() })),
    openInMemoryAt: (version) =>
      track(openMainStore({ path: ':memory:', migrations: migrationsUpTo(version) })),
  };
}
