// Settings → General: language and theme, publishing rules and the local archive's size, all saved in
// the renderer's database.
import { useId, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoost, useServices } from '../../app-context.tsx';
import {
  LOCALE_PREFERENCES,
  THEME_PREFERENCES,
  type LocalePreference,
  type ThemePreference,
} from '../../preferences.ts';
import { ArchiveGroup } from './archive-group.tsx';
import { PublishingGroup } from './publishing-group.tsx';

/** Language names are shown in their own language, so anyone can find theirs. */
const LANGUAGE_NAMES: Record<Exclude<LocalePreference, 'system'>, string> = { en: 'English', fr: 'Français' };

export function GeneralSettings() {
  const { t } = useTranslation();
  const { settings } = useServices();
  const locale = useRoost((s) => s.locale);
  const theme = useRoost((s) => s.theme);
  const setLocale = useRoost((s) => s.setLocale);
  const setTheme = useRoost((s) => s.setTheme);
  const languageId = useId();
  const themeId = useId();

  function onLanguage(event: ChangeEvent<HTMLSelectElement>): void {
    const value = LOCALE_PREFERENCES.find((l) => l === event.target.value) ?? 'system';
    setLocale(value);
    // The choice applies to this session even if it cannot be saved (e.g. storage is full).
    settings.set('locale', value).catch(() => undefined);
  }

  function onTheme(event: ChangeEvent<HTMLSelectElement>): void {
    const value: ThemePreference = THEME_PREFERENCES.find((v) => v === event.target.value) ?? 'system';
    setTheme(value);
    settings.set('theme', value).catch(() => undefined);
  }

  const themeLabels: Record<ThemePreference, string> = {
    system: t('general.themeSystem'),
    light: t('general.themeLight'),
    dark: t('general.themeDark'),
  };

  return (
    <>
      <div className="panel" data-testid="general-settings">
        <div className="field">
          <label htmlFor={languageId}>{t('general.language')}</label>
          <select id={languageId} value={locale} onChange={onLanguage}>
            {LOCALE_PREFERENCES.map((value) => (
              <option key={value} value={value}>
                {value === 'system' ? t('general.languageSystem') : LANGUAGE_NAMES[value]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={themeId}>{t('general.theme')}</label>
          <select id={themeId} value={theme} onChange={onTheme}>
            {THEME_PREFERENCES.map((value) => (
              <option key={value} value={value}>
                {themeLabels[value]}
              </option>
            ))}
          </select>
        </div>
        <p className="hint">{t('general.savedLocally')}</p>
      </div>
      <PublishingGroup />
      <ArchiveGroup />
    </>
  );
}
