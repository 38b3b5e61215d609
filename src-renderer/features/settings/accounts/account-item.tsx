// One account: identity, network, server, status, the protected-account switch, and removal with a
// confirmation step.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../../src-shared/domain/account.ts';
import type { ErrorCode } from '../../../../src-shared/contract/errors.ts';
import { useRoost, useServices } from '../../../app-context.tsx';
import { AccountAvatar } from './account-avatar.tsx';
import { handleMatches } from '../../../publishing/confirm-dialog.tsx';

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
  const upsertAccount = useRoost((s) => s.upsertAccount);
  const dropAccount = useRoost((s) => s.dropAccount);
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);
  /** Turning protection off asks for the handle, like posting as the account does; main checks it too. */
  const [unprotecting, setUnprotecting] = useState(false);
  const [typed, setTyped] = useState('');
  const protectedId = useId();

  async function toggleProtected(next: boolean, typedHandle?: string): Promise<void> {
    if (!next && typedHandle === undefined) {
      setUnprotecting(true);
      return;
    }
    setPending(true);
    setError(null);
    const result = await client.call('accounts:setProtected', {
      id: account.id,
      protected: next,
      ...(typedHandle !== undefined ? { typedHandle } : {}),
    });
    setPending(false);
    if (result.ok) {
      upsertAccount(result.value);
      setUnprotecting(false);
      setTyped('');
    } else setError(result.error.code);
  }

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
      <div className="account__protect">
        <input
          id={protectedId}
          type="checkbox"
          role="switch"
          checked={account.protected}
          disabled={pending}
          aria-describedby={`${protectedId}-hint`}
          onChange={(e) => void toggleProtected(e.target.checked)}
        />
        <label htmlFor={protectedId}>{t('accounts.protected')}</label>
        <p className="hint" id={`${protectedId}-hint`}>
          {t('accounts.protectedHint')}
        </p>
        {unprotecting && (
          <form
            className="account__unprotect"
            onSubmit={(e) => {
              e.preventDefault();
              if (handleMatches(typed, account.handle)) void toggleProtected(false, typed);
            }}
          >
            <label htmlFor={`${protectedId}-typed`}>
              {t('accounts.unprotectTypeHandle', { handle: account.handle })}
            </label>
            <input
              id={`${protectedId}-typed`}
              type="text"
              autoComplete="off"
              spellCheck={false}
              autoFocus
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape') setUnprotecting(false);
              }}
            />
            <button
              type="submit"
              className="button"
              disabled={pending || !handleMatches(typed, account.handle)}
            >
              {t('accounts.unprotect')}
            </button>
            <button type="button" className="button" onClick={() => setUnprotecting(false)}>
              {t('accounts.cancel')}
            </button>
          </form>
        )}
      </div>
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
