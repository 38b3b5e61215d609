// One account: identity, network, server, status, the protected-account switch, and removal with a
// confirmation step.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../../src-shared/domain/account.ts';
import type { ErrorCode } from '../../../../src-shared/contract/errors.ts';
import { useRoost, useServices } from '../../../app-context.tsx';
import { AccountAvatar } from '../../shell/ui/account-avatar.tsx';
import { ProtectedSwitch } from './protected-switch.tsx';

function hostOf(service: string): string {
  try {
    return new URL(service).host;
  } catch {
    return service;
  }
}

export function AccountItem({ account }: { account: Account }) {
  const { t } = useTranslation();
  const { client } = useServices();
  const dropAccount = useRoost((s) => s.dropAccount);
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);
  async function remove(): Promise<void> {
    setPending(true);
    setError(null);
    const result = await client.call('accounts:remove', { id: account.id });
    setPending(false);
    // removed=false means it was already gone: the list should not show it either way.
    if (result.ok) dropAccount(account.id);
    else setError(result.error.code);
  }

  return (
    <li className="account" data-testid="account-item" data-account-id={account.id}>
      <AccountAvatar account={account} />
      <div className="account__identity">
        <span className="account__name">{account.displayName || account.handle}</span>
        <span className="account__handle">@{account.handle}</span>
        <span className="account__meta">
          {t(`accounts.network.${account.network}`)} ·{' '}
          {t('accounts.serverLabel', { server: hostOf(account.service) })}
        </span>
      </div>
      <span className={`badge badge--${account.status}`} data-testid="account-status">
        {t(`accounts.status.${account.status}`)}
      </span>
      <ProtectedSwitch account={account} label={t('accounts.protected')} onError={setError} />
      <div className="account__actions">
        {confirming ? (
          <>
            <p>{t('accounts.removeQuestion', { handle: account.handle })}</p>
            <button
              type="button"
              className="button button--danger"
              disabled={pending}
              onClick={() => void remove()}
            >
              {t('accounts.confirmRemoval')}
            </button>
            <button type="button" className="button" disabled={pending} onClick={() => setConfirming(false)}>
              {t('accounts.cancel')}
            </button>
          </>
        ) : (
          <button type="button" className="button" onClick={() => setConfirming(true)}>
            {t('accounts.remove')}
          </button>
        )}
      </div>
      {error && (
        <p className="alert" role="alert">
          {t(`errors.${error}`)}
        </p>
      )}
    </li>
  );
}
