// The settings repository over real IndexedDB: typed round trips and tolerance of bad stored values.
import { afterEach, describe, expect, test } from 'vitest';
import { openRoostDb, type RoostDb } from '../../../src-renderer/db/roost-db.ts';
import { createSettingsRepository } from '../../../src-renderer/db/settings-repository.ts';

let db: RoostDb | null = null;
// Each test uses a fresh database name; the browser profile is in memory and discarded after the run.
// (Deleting right after close races Chromium's commit and only adds "blocked" warnings.)
afterEach(() => {
  db?.close();
  db = null;
});

describe('settings repository', () => {
  test('stores and reads back typed settings, surviving a reopen', async () => {
    const name = `settings-${crypto.randomUUID()}`;
    db = await openRoostDb({ name });
    const repo = createSettingsRepository(db);
    expect(await repo.get('theme')).toBeUndefined();
    await repo.set('theme', 'dark');
    await repo.set('locale', 'fr');
    db.close();

    db = await openRoostDb({ name });
    const reopened = createSettingsRepository(db);
    expect(await reopened.get('theme')).toBe('dark');
    expect(await reopened.get('locale')).toBe('fr');
  });

  test('ignores a stored value that is not valid for its key', async () => {
    db = await openRoostDb({ name: `settings-${crypto.randomUUID()}` });
    await db.settings.put({ key: 'theme', value: 'neon' });
    expect(await createSettingsRepository(db).get('theme')).toBeUndefined();
  });

  test('refuses to write a value that is not valid for its key', async () => {
    db = await openRoostDb({ name: `settings-${crypto.randomUUID()}` });
    const repo = createSettingsRepository(db);
    // @ts-expect-error -- a caller bypassing the types must still be stopped.
    await expect(repo.set('locale', 'xx')).rejects.toThrow();
    expect(await db.settings.count()).toBe(0);
  });
});
