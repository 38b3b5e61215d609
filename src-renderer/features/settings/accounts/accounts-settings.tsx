// Settings → Accounts: the keychain's state, the forms to add a Bluesky or Mastodon account, and the
// account list.
import { AccountList } from './account-list.tsx';
import { AddAccountForm } from './add-account-form.tsx';
import { AddMastodonForm } from './add-mastodon-form.tsx';
import { VaultStatus } from './vault-status.tsx';
import { KeyringHelp } from '../../shell/ui/keyring-help.tsx';

export function AccountsSettings() {
  return (
    <div className="accounts">
      <VaultStatus />
      <KeyringHelp withRefresh={false} />
      <AddAccountForm />
      <AddMastodonForm />
      <AccountList />
    </div>
  );
}
