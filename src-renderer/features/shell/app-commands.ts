// The app frame's own commands: every section, every settings tab, theme and density.
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app-context.tsx';
import { DENSITY_PREFERENCES, THEME_PREFERENCES } from '../../preferences.ts';
import { SECTIONS, SETTINGS_TABS } from '../../store/ui-slice.ts';
import { chooseDensity } from './ui/choose-density.ts';
import { useCommands, type Command } from './ui/commands.tsx';

export function useAppCommands(): void {
  const { t } = useTranslation();
  const services = useServices();
  const { store, settings } = services;
  useCommands((): Command[] => [
    ...SECTIONS.map((section) => ({
      id: `section:${section}`,
      group: t('palette.groups.goTo'),
      label: t(`nav.${section}`),
      run: () => store.getState().navigate(section),
    })),
    ...SETTINGS_TABS.map((tab) => ({
      id: `settings:${tab}`,
      group: t('palette.groups.settings'),
      label: t(`palette.settingsTabs.${tab}`),
      run: () => store.getState().navigate('settings', tab),
    })),
    ...THEME_PREFERENCES.map((theme) => ({
      id: `theme:${theme}`,
      group: t('palette.groups.look'),
      label: t(`palette.theme.${theme}`),
      run: () => {
        store.getState().setTheme(theme);
        settings.set('theme', theme).catch(() => undefined);
      },
    })),
    ...DENSITY_PREFERENCES.map((density) => ({
      id: `density:${density}`,
      group: t('palette.groups.look'),
      label: t(`palette.density.${density}`),
      run: () => chooseDensity(services, density),
    })),
  ]);
}
