// The only code that touches the settings table. Keys are typed, and values are checked on read so a
// stale or hand-edited row falls back to the default instead of breaking the app.
import { z } from '../../src-shared/zod.ts';
import { DENSITY_PREFERENCES, LOCALE_PREFERENCES, THEME_PREFERENCES } from '../preferences.ts';
import type { RoostDb } from './roost-db.ts';

/** Bounds shared by the validation below and the inputs of Settings → General. */
export const SETTING_LIMITS = {
  'compose.undoSeconds': { min: 0, max: 60 },
  'archive.maxItemsPerColumn': { min: 500, max: 50_000 },
  'archive.maxAgeDays': { min: 1, max: 365 },
} as const;

const wholeNumber = (key: keyof typeof SETTING_LIMITS) =>
  z.number().int().min(SETTING_LIMITS[key].min).max(SETTING_LIMITS[key].max);

const SETTING_SCHEMAS = {
  theme: z.enum(THEME_PREFERENCES),
  locale: z.enum(LOCALE_PREFERENCES),
  /** Seconds during which a sent post can still be cancelled. */
  'compose.undoSeconds': wholeNumber('compose.undoSeconds'),
  /** When on, an image without a description cannot be sent. */
  'compose.requireAltText': z.boolean(),
  /** Items the local archive keeps per column. */
  'archive.maxItemsPerColumn': wholeNumber('archive.maxItemsPerColumn'),
  /** Days an item stays in the local archive. */
  'archive.maxAgeDays': wholeNumber('archive.maxAgeDays'),
  /** The user declined the starter columns offered after their first account. */
  'deck.starterDismissed': z.boolean(),
  /** Compact or comfortable item cards in the deck. */
  'deck.density': z.enum(DENSITY_PREFERENCES),
  /** How unusual an hour must be before a listening column raises a spike alert. */
  'analytics.sensitivity': z.enum(['low', 'medium', 'high']),
} as const;

export type SettingKey = keyof typeof SETTING_SCHEMAS;
export type SettingValue<K extends SettingKey> = z.output<(typeof SETTING_SCHEMAS)[K]>;

/** What a key is worth when nothing (or nothing valid) is stored. */
export const SETTING_DEFAULTS: { readonly [K in SettingKey]: SettingValue<K> } = {
  theme: 'system',
  locale: 'system',
  'compose.undoSeconds': 10,
  'compose.requireAltText': false,
  'archive.maxItemsPerColumn': 5_000,
  'archive.maxAgeDays': 30,
  'deck.starterDismissed': false,
  'deck.density': 'comfortable',
  'analytics.sensitivity': 'medium',
};

/** Whether a value may be stored under a key; callers use it to refuse input before saving. */
export function isValidSetting<K extends SettingKey>(key: K, value: unknown): value is SettingValue<K> {
  return SETTING_SCHEMAS[key].safeParse(value).success;
}

export interface SettingsRepository {
  get<K extends SettingKey>(key: K): Promise<SettingValue<K> | undefined>;
  /** Rejects a value that is not valid for its key, storing nothing. */
  set<K extends SettingKey>(key: K, value: SettingValue<K>): Promise<void>;
}

/** The stored value, or the key's default when none is stored or the stored one is no longer valid. */
export async function getSettingOrDefault<K extends SettingKey>(
  settings: SettingsRepository,
  key: K,
): Promise<SettingValue<K>> {
  return (await settings.get(key)) ?? SETTING_DEFAULTS[key];
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
