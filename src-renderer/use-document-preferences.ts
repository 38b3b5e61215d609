// Mirrors the theme and language choices onto <html> (data-theme drives the CSS; lang drives screen
// readers and hyphenation), switches i18next when the language choice changes and tells main, whose tray
// and native menu follow the language the app shows.
import { useEffect } from 'react';
import { useRoost, useServices } from './app-context.tsx';
import { resolveLanguage } from './i18n/i18n.ts';

export function useDocumentPreferences(): void {
  const { i18n, client } = useServices();
  const theme = useRoost((s) => s.theme);
  const locale = useRoost((s) => s.locale);
  const density = useRoost((s) => s.density);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  useEffect(() => {
    document.documentElement.dataset.density = density;
  }, [density]);

  useEffect(() => {
    const language = resolveLanguage(locale, navigator.languages);
    document.documentElement.lang = language;
    if (i18n.language !== language) void i18n.changeLanguage(language);
    // Labels only: should main not answer, the tray keeps the system's language.
    client.call('app:setLanguage', { language }).catch(() => undefined);
  }, [locale, i18n, client]);
}
