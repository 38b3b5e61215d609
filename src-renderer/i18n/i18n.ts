// Creates an i18next instance per app (tests get their own). The language follows the system unless the
// user chose one in Settings → General.
import i18next from 'i18next';
import type { i18n } from 'i18next';
import type { LocalePreference } from '../preferences.ts';
import { en } from './en.ts';
import { fr } from './fr.ts';

export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The first system language Roost has texts for, else English. */
export function systemLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    const match = LANGUAGES.find((l) => l === base);
    if (match) return match;
  }
  return 'en';
}

export function resolveLanguage(preference: LocalePreference, preferred: readonly string[]): Language {
  return preference === 'system' ? systemLanguage(preferred) : preference;
}

export async function createI18n(language: Language): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.init({
    lng: language,
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    resources: { en: { translation: en }, fr: { translation: fr } },
    // React escapes output itself.
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  return instance;
}
