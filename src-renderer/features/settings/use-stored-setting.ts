// Reads one stored setting for a settings screen and follows later changes; null until it is read.
import { useEffect, useState } from 'react';
import { useServices } from '../../app-context.tsx';
import {
  SETTING_DEFAULTS,
  getSettingOrDefault,
  type SettingKey,
  type SettingValue,
} from '../../db/settings-repository.ts';
import { onSettingsChanged } from '../../db/settings-changed.ts';

export function useStoredSetting<K extends SettingKey>(key: K): SettingValue<K> | null {
  const { settings } = useServices();
  const [value, setValue] = useState<SettingValue<K> | null>(null);
  useEffect(() => {
    let current = true;
    let changed = false;
    getSettingOrDefault(settings, key).then(
      (stored) => {
        // A change saved meanwhile is newer than what was read.
        if (current && !changed) setValue(stored);
      },
      () => {
        if (current && !changed) setValue(SETTING_DEFAULTS[key]);
      },
    );
    const stop = onSettingsChanged((change) => {
      if (change.key !== key) return;
      changed = true;
      setValue(change.value as SettingValue<K>);
    });
    return () => {
      current = false;
      stop();
    };
  }, [settings, key]);
  return value;
}
