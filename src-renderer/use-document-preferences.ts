// Mirrors the theme and language choices onto <html> (data-theme drives the CSS; lang drives screen
// readers and hyphenation) and switches i18next when the language choice changes.
import { useEffect } from 'react';
import { useRoost, useServices } from './app-context.tsx';
import { resolveLanguage } from './i18n/i18n.ts';

export function useDocumentPreferences(): void {
  const { i18n } = useServices();
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
  }, [locale, i18n]);
}
