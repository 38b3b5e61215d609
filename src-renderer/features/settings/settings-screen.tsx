// Settings: a sub-navigation between Accounts and General.
import { useTranslation } from 'react-i18next';
import { useRoost } from '../../app-context.tsx';
import { SETTINGS_TABS } from '../../store/ui-slice.ts';
import { SectionHeading } from '../shell/ui/section-heading.tsx';
import { AccountsSettings } from './accounts/accounts-settings.tsx';
import { GeneralSettings } from './general-settings.tsx';
import { GovernanceSettings } from './governance/governance-settings.tsx';
import { ShortenerSettings } from './shortener-settings.tsx';
import { TeamSettings } from './team/team-settings.tsx';

export function SettingsScreen() {
  const { t } = useTranslation();
  const tab = useRoost((s) => s.settingsTab);
  const showTab = useRoost((s) => s.showSettingsTab);
  return (
    <section className="settings" aria-labelledby="section-heading">
      <SectionHeading>{t('settings.title')}</SectionHeading>
      <nav className="settings__tabs" aria-label={t('settings.tabsLabel')}>
        {SETTINGS_TABS.map((id) => (
          <button
            key={id}
            type="button"
            className="settings__tab"
            data-testid={`settings-tab-${id}`}
            aria-current={tab === id ? 'page' : undefined}
            onClick={() => showTab(id)}
          >
            {id === 'shortener' ? t('shortener.tab') : t(`settings.${id}`)}
          </button>
        ))}
      </nav>
      {tab === 'accounts' ? (
        <AccountsSettings />
      ) : tab === 'shortener' ? (
        <ShortenerSettings />
      ) : tab === 'governance' ? (
        <GovernanceSettings />
      ) : tab === 'team' ? (
        <TeamSettings />
      ) : (
        <GeneralSettings />
      )}
    </section>
  );
}
