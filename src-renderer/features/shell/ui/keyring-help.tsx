// What to do when no system keychain answers: the keyring to start or install for the user's desktop (the
// detected one first), and the throwaway keyring of browser mode for demos and headless machines.
import { KeyRound } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoost, useServices } from '../../../app-context.tsx';
import { refreshVault } from '../../../session/start-session.ts';

const DESKTOPS = ['gnome', 'kde', 'keepassxc'] as const;

/** `withRefresh` is off where the keychain's status panel already offers "Check again". */
export function KeyringHelp({ withRefresh = true }: { withRefresh?: boolean }) {
  const { t } = useTranslation();
  const { client, store } = useServices();
  const vault = useRoost((s) => s.vault);
  const [checking, setChecking] = useState(false);
  if (!vault || vault.state === 'available' || vault.state === 'locked') return null;

  // The user's own desktop first; KeePassXC works on any of them.
  const order = [...DESKTOPS].sort((a, b) => Number(b === vault.desktop) - Number(a === vault.desktop));
  return (
    <section className="keyring-help panel" aria-labelledby="keyring-help-title" data-testid="keyring-help">
      <h2 id="keyring-help-title">
        <KeyRound aria-hidden="true" className="keyring-help__icon" />
        {t('keyringHelp.title')}
      </h2>
      <p>{t('keyringHelp.why')}</p>
      <ul className="keyring-help__list">
        {order.map((desktop) => (
          <li key={desktop}>
            <strong>{t(`keyringHelp.${desktop}.name`)}</strong> {t(`keyringHelp.${desktop}.how`)}{' '}
            <code>{t(`keyringHelp.${desktop}.command`)}</code>
          </li>
        ))}
        <li>
          <strong>{t('keyringHelp.private.name')}</strong> {t('keyringHelp.private.how')}{' '}
          <code>./roost browser --private-keyring</code>
        </li>
      </ul>
      {withRefresh && (
        <button
          type="button"
          className="button"
          disabled={checking}
          onClick={() => {
            setChecking(true);
            void refreshVault(client, store).finally(() => setChecking(false));
          }}
        >
          {t('vault.refresh')}
        </button>
      )}
    </section>
  );
}
