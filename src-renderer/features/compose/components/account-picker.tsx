// The accounts a post goes to, as toggle buttons with their avatars.
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../../src-shared/domain/account.ts';
import { AccountAvatar } from '../../shell/ui/account-avatar.tsx';

export const AccountPicker = memo(function AccountPicker({
  accounts,
  selected,
  onToggle,
}: {
  accounts: readonly Account[];
  selected: readonly string[];
  onToggle: (id: string) => void;
}) {
  const { t } = useTranslation();
  if (accounts.length === 0) return <p className="hint">{t('compose.noAccounts')}</p>;
  return (
    <fieldset className="account-picker">
      <legend>{t('compose.accounts')}</legend>
      {accounts.map((account) => {
        const on = selected.includes(account.id);
        return (
          <button
            key={account.id}
            type="button"
            className="account-picker__item"
            aria-pressed={on}
            data-testid={`pick-${account.handle}`}
            onClick={() => onToggle(account.id)}
          >
            <AccountAvatar account={account} />
            <span className="account-picker__handle">@{account.handle}</span>
            <span className="account-picker__network">{t(`accounts.network.${account.network}`)}</span>
            {account.protected && <span className="badge badge--neutral">{t('compose.protectedBadge')}</span>}
          </button>
        );
      })}
    </fieldset>
  );
});
