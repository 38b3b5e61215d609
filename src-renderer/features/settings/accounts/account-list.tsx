// The accounts main knows about, as kept in the store by accounts:changed.
import { useTranslation } from 'react-i18next';
import { useRoost } from '../../../app-context.tsx';
import { AccountItem } from './account-item.tsx';

export function AccountList() {
  const { t } = useTranslation();
  const accounts = useRoost((s) => s.accounts);
  return (
    <section className="panel" aria-labelledby="account-list-title">
      <h2 id="account-list-title">{t('accounts.listTitle')}</h2>
      {accounts === null ? (
        <p role="status">{t('accounts.loading')}</p>
      ) : accounts.length === 0 ? (
        <p data-testid="accounts-empty">{t('accounts.none')}</p>
      ) : (
        <ul className="account-list" data-testid="account-list">
          {accounts.map((account) => (
            <AccountItem key={account.id} account={account} />
          ))}
        </ul>
      )}
    </section>
  );
}
