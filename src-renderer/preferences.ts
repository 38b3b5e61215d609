// The user's look-and-language choices, shared by the UI store and the settings repository.
export const THEME_PREFERENCES = ['system', 'light', 'dark'] as const;
export type ThemePreference = (typeof THEME_PREFERENCES)[number];
export const LOCALE_PREFERENCES = ['system', 'en', 'fr'] as const;
export type LocalePreference = (typeof LOCALE_PREFERENCES)[number];
export const DENSITY_PREFERENCES = ['comfortable', 'compact'] as const;
export type DensityPreference = (typeof DENSITY_PREFERENCES)[number];
