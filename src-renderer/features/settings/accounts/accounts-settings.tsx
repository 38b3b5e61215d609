// Settings → Accounts: the keychain's state, the form to add a Bluesky account, and the account list.
import { AccountList } from './account-list.tsx';
import { AddAccountForm } from './add-account-form.tsx';
import { VaultStatus } from './vault-status.tsx';

export function AccountsSettings() {
  return (
    <div className="accounts">
      <VaultStatus />
      <AddAccountForm />
      <AccountList />
    </div>
  );
}
