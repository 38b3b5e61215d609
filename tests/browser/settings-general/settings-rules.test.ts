// The rules of the new setting keys at the repository level (real IndexedDB) and of saveSetting: out of
// range, not whole or of the wrong type is refused with nothing stored and nothing announced.
import { afterEach, describe, expect, test } from 'vitest';
import { openRoostDb, type RoostDb } from '../../../src-renderer/db/roost-db.ts';
import {
  SETTING_DEFAULTS,
  createSettingsRepository,
  getSettingOrDefault,
} from '../../../src-renderer/db/settings-repository.ts';
import {
  onSettingsChanged,
  saveSetting,
  type SettingChange,
} from '../../../src-renderer/db/settings-changed.ts';

let db: RoostDb | null = null;
let stops: Array<() => void> = [];
afterEach(() => {
  db?.close();
  db = null;
  for (const stop of stops) stop();
  stops = [];
});

async function repo() {
  db = await openRoostDb({ name: `settings-rules-${crypto.randomUUID()}` });
  return createSettingsRepository(db);
}

describe('publishing and archive setting keys', () => {
  test('accept the boundaries and round-trip through IndexedDB', async () => {
    const settings = await repo();
    await settings.set('compose.undoSeconds', 0);
    await settings.set('compose.requireAltText', true);
    await settings.set('archive.maxItemsPerColumn', 50_000);
    await settings.set('archive.maxAgeDays', 365);
    expect(await settings.get('compose.undoSeconds')).toBe(0);
    expect(await settings.get('compose.requireAltText')).toBe(true);
    expect(await settings.get('archive.maxItemsPerColumn')).toBe(50_000);
    expect(await settings.get('archive.maxAgeDays')).toBe(365);
  });

  test('refuse values out of range, not whole, or of the wrong type, storing nothing', async () => {
    const settings = await repo();
    await expect(settings.set('compose.undoSeconds', 61)).rejects.toThrow();
    await expect(settings.set('compose.undoSeconds', -1)).rejects.toThrow();
    await expect(settings.set('compose.undoSeconds', 1.5)).rejects.toThrow();
    await expect(settings.set('archive.maxItemsPerColumn', 499)).rejects.toThrow();
    await expect(settings.set('archive.maxItemsPerColumn', 50_001)).rejects.toThrow();
    await expect(settings.set('archive.maxAgeDays', 0)).rejects.toThrow();
    await expect(settings.set('archive.maxAgeDays', Number.NaN)).rejects.toThrow();
    // @ts-expect-error -- a caller bypassing the types must still be stopped.
    await expect(settings.set('compose.requireAltText', 'yes')).rejects.toThrow();
    expect(await db?.settings.count()).toBe(0);
  });

  test('a stored value that is no longer valid reads as the default', async () => {
    const settings = await repo();
    await db?.settings.bulkPut([
      { key: 'compose.undoSeconds', value: 600 },
      { key: 'archive.maxAgeDays', value: '30' },
    ]);
    expect(await getSettingOrDefault(settings, 'compose.undoSeconds')).toBe(10);
    expect(await getSettingOrDefault(settings, 'archive.maxAgeDays')).toBe(30);
    expect(SETTING_DEFAULTS).toMatchObject({
      'compose.undoSeconds': 10,
      'compose.requireAltText': false,
      'archive.maxItemsPerColumn': 5000,
      'archive.maxAgeDays': 30,
    });
  });

  test('saveSetting announces a valid change and refuses an invalid one without announcing it', async () => {
    const settings = await repo();
    const heard: SettingChange[] = [];
    stops.push(onSettingsChanged((change) => heard.push(change)));
    await saveSetting(settings, 'archive.maxAgeDays', 12);
    await expect(saveSetting(settings, 'archive.maxAgeDays', 400)).rejects.toThrow(RangeError);
    expect(heard).toEqual([{ key: 'archive.maxAgeDays', value: 12 }]);
    expect(await settings.get('archive.maxAgeDays')).toBe(12);
  });
});
