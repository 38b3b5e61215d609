// Accounts as main reports them (never secrets), kept in sync by the accounts:changed event, and the
// keychain's state, which decides whether accounts can be used at all.
import type { StateCreator } from 'zustand/vanilla';
import type { Account } from '../../src-shared/domain/account.ts';
import type { RequestOutput } from '../../src-shared/contract/contract.ts';
import type { RoostState } from './store.ts';

export type VaultStatus = RequestOutput<'vault:status'>;

export interface AccountsSlice {
  /** null until main's list has arrived, so the UI can tell "loading" from "none". */
  readonly accounts: readonly Account[] | null;
  readonly vault: VaultStatus | null;
  setAccounts(accounts: readonly Account[]): void;
  upsertAccount(account: Account): void;
  dropAccount(id: string): void;
  setVault(vault: VaultStatus): void;
}

export const createAccountsSlice: StateCreator<RoostState, [], [], AccountsSlice> = (set) => ({
  accounts: null,
  vault: null,
  setAccounts: (accounts) => set({ accounts }),
  upsertAccount: (account) =>
    set((s) => {
      const list = s.accounts ?? [];
      const exists = list.some((a) => a.id === account.id);
      return { accounts: exists ? list.map((a) => (a.id === account.id ? account : a)) : [...list, account] };
    }),
  dropAccount: (id) => set((s) => ({ accounts: (s.accounts ?? []).filter((a) => a.id !== id) })),
  setVault: (vault) => set({ vault }),
});
