// The system keychain's state with what to do about it: accounts cannot be added while it is locked.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoost, useServices } from '../../../app-context.tsx';
import { refreshVault } from '../../../session/start-session.ts';

export function VaultStatus() {
  const { t } = useTranslation();
  const { client, store } = useServices();
  const vault = useRoost((s) => s.vault);
  const [checking, setChecking] = useState(false);

  async function check(): Promise<void> {
    setChecking(true);
    await refreshVault(client, store);
    setChecking(false);
  }

  const state = vault?.state ?? 'checking';
  return (
    <section
      className="panel vault"
      data-testid="vault-status"
      data-state={state}
      aria-labelledby="vault-title"
    >
      <h2 id="vault-title">{t('vault.title')}</h2>
      <p role="status">{vault ? t(`vault.${vault.state}`) : t('vault.checking')}</p>
      {vault && vault.state !== 'available' && (
        <button type="button" className="button" onClick={() => void check()} disabled={checking}>
          {t('vault.refresh')}
        </button>
      )}
    </section>
  );
}
