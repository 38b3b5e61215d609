// Which section is on screen and the chosen look and language. Navigation lives here (no router needed).
import type { StateCreator } from 'zustand/vanilla';
import type { DensityPreference, LocalePreference, ThemePreference } from '../preferences.ts';
import type { RoostState } from './store.ts';

export const SECTIONS = ['streams', 'inbox', 'compose', 'calendar', 'analytics', 'settings'] as const;
export type Section = (typeof SECTIONS)[number];
export const SETTINGS_TABS = ['accounts', 'general', 'shortener', 'governance', 'team'] as const;
export type SettingsTab = (typeof SETTINGS_TABS)[number];

export interface UiSlice {
  readonly section: Section;
  readonly settingsTab: SettingsTab;
  readonly theme: ThemePreference;
  readonly locale: LocalePreference;
  /** How tightly the deck packs items: compact for many columns, comfortable for reading. */
  readonly density: DensityPreference;
  /** Counts user navigations, so the new section's heading can take focus. */
  readonly navigations: number;
  navigate(section: Section, settingsTab?: SettingsTab): void;
  showSettingsTab(tab: SettingsTab): void;
  setTheme(theme: ThemePreference): void;
  setLocale(locale: LocalePreference): void;
  setDensity(density: DensityPreference): void;
}

export interface UiInitial {
  readonly section?: Section;
  readonly theme?: ThemePreference;
  readonly locale?: LocalePreference;
  readonly density?: DensityPreference;
}

export const createUiSlice =
  (initial: UiInitial): StateCreator<RoostState, [], [], UiSlice> =>
  (set) => ({
    section: initial.section ?? 'streams',
    settingsTab: 'accounts',
    theme: initial.theme ?? 'system',
    locale: initial.locale ?? 'system',
    density: initial.density ?? 'comfortable',
    navigations: 0,
    navigate: (section, settingsTab) =>
      set((s) => ({ section, settingsTab: settingsTab ?? s.settingsTab, navigations: s.navigations + 1 })),
    showSettingsTab: (settingsTab) => set({ settingsTab }),
    setTheme: (theme) => set({ theme }),
    setLocale: (locale) => set({ locale }),
    setDensity: (density) => set({ density }),
  });
