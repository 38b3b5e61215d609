// The only code that touches the settings table. Keys are typed, and values are checked on read so a
// stale or hand-edited row falls back to the default instead of breaking the app.
import { z } from '../../src-shared/zod.ts';
import { LOCALE_PREFERENCES, THEME_PREFERENCES } from '../preferences.ts';
import type { RoostDb } from './roost-db.ts';

const SETTING_SCHEMAS = {
  theme: z.enum(THEME_PREFERENCES),
  locale: z.enum(LOCALE_PREFERENCES),
} as const;

export type SettingKey = keyof typeof SETTING_SCHEMAS;
export type SettingValue<K extends SettingKey> = z.output<(typeof SETTING_SCHEMAS)[K]>;

export interface SettingsRepository {
  get<K extends SettingKey>(key: K): Promise<SettingValue<K> | undefined>;
  set<K extends SettingKey>(key: K, value: SettingValue<K>): Promise<void>;
}

export function createSettingsRepository(db: RoostDb): SettingsRepository {
  return {
    async get(key) {
      const row = await db.settings.get(key);
      if (!row) return undefined;
      const parsed = SETTING_SCHEMAS[key].safeParse(row.value);
      return parsed.success ? (parsed.data as SettingValue<typeof key>) : undefined;
    },
    async set(key, value) {
      const checked = SETTING_SCHEMAS[key].parse(value);
      await db.settings.put({ key, value: checked });
    },
  };
}

/** Used when IndexedDB cannot be opened (for example a newer schema from a later version): choices last the session. */
export function createMemorySettingsRepository(): SettingsRepository {
  const values = new Map<SettingKey, unknown>();
  return {
    get: async (key) => values.get(key) as SettingValue<typeof key> | undefined,
    set: async (key, value) => {
      values.set(key, SETTING_SCHEMAS[key].parse(value));
    },
  };
}
