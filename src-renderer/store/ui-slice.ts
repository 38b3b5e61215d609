// Which section is on screen and the chosen look and language. Navigation lives here (no router needed).
import type { StateCreator } from 'zustand/vanilla';
import type { LocalePreference, ThemePreference } from '../preferences.ts';
import type { RoostState } from './store.ts';

export const SECTIONS = ['streams', 'inbox', 'compose', 'calendar', 'analytics', 'settings'] as const;
export type Section = (typeof SECTIONS)[number];
export const SETTINGS_TABS = ['accounts', 'general', 'shortener', 'governance'] as const;
export type SettingsTab = (typeof SETTINGS_TABS)[number];

export interface UiSlice {
  readonly section: Section;
  readonly settingsTab: SettingsTab;
  readonly theme: ThemePreference;
  readonly locale: LocalePreference;
  /** Counts user navigations, so the new section's heading can take focus. */
  readonly navigations: number;
  navigate(section: Section, settingsTab?: SettingsTab): void;
  showSettingsTab(tab: SettingsTab): void;
  setTheme(theme: ThemePreference): void;
  setLocale(locale: LocalePreference): void;
}

export interface UiInitial {
  readonly section?: Section;
  readonly theme?: ThemePreference;
  readonly locale?: LocalePreference;
}

export const createUiSlice =
  (initial: UiInitial): StateCreator<RoostState, [], [], UiSlice> =>
  (set) => ({
    section: initial.section ?? 'streams',
    settingsTab: 'accounts',
    theme: initial.theme ?? 'system',
    locale: initial.locale ?? 'system',
    navigations: 0,
    navigate: (section, settingsTab) =>
      set((s) => ({ section, settingsTab: settingsTab ?? s.settingsTab, navigations: s.navigations + 1 })),
    showSettingsTab: (settingsTab) => set({ settingsTab }),
    setTheme: (theme) => set({ theme }),
    setLocale: (locale) => set({ locale }),
  });
