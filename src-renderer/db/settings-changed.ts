// Announces every setting saved through saveSetting, so the parts of the running app that use it (the
// composer, the archive) apply the change at once instead of at the next start.
import {
  isValidSetting,
  type SettingKey,
  type SettingsRepository,
  type SettingValue,
} from './settings-repository.ts';

export type SettingChange = {
  [K in SettingKey]: { readonly key: K; readonly value: SettingValue<K> };
}[SettingKey];

export type SettingsListener = (change: SettingChange) => void;

// One emitter per window: settings belong to the installation, not to a component tree.
const listeners = new Set<SettingsListener>();

/** Calls `listener` after each change; returns the function that stops listening. */
export function onSettingsChanged(listener: SettingsListener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function emitSettingsChanged(change: SettingChange): void {
  for (const listener of [...listeners]) {
    try {
      listener(change);
    } catch (error) {
      // One failing listener must not keep the others from applying the change.
      console.error(`A listener failed to apply the setting ${change.key}.`, error);
    }
  }
}

/**
 * Checks, announces, then stores a setting. An invalid value throws before anything changes. The change
 * is announced before it is stored, so it applies for this session even when storage fails (the returned
 * promise then rejects).
 */
export async function saveSetting<K extends SettingKey>(
  settings: SettingsRepository,
  key: K,
  value: SettingValue<K>,
): Promise<void> {
  if (!isValidSetting(key, value)) throw new RangeError(`${String(value)} is not a valid value for ${key}`);
  emitSettingsChanged({ key, value } as SettingChange);
  await settings.set(key, value);
}
