// The one place tests build accounts: a numbered Bluesky account (`acct-N`, `userN.example`) that tests
// override field by field. Main's store takes it without `createdAt` (the repository stamps it).
import type { NewAccount } from '../../../src-main/accounts/account-repository.ts';
import type { Account } from '../../../src-shared/domain/account.ts';

/** A fixed creation time, so results that include accounts compare equal run after run. */
export const ACCOUNT_CREATED_AT = '2025-01-01T00:00:00.000Z';
/** The creation time of accounts in tests that do not care when they were added. */
export const EPOCH = new Date(0).toISOString();

export function newAccountFixture(n: number, overrides: Partial<NewAccount> = {}): NewAccount {
  return {
    id: `acct-${n}`,
    network: 'bluesky',
    service: 'https://pds.example',
    remoteId: `did:plc:user${n}`,
    handle: `user${n}.example`,
    displayName: `User ${n}`,
    avatarUrl: null,
    status: 'active',
    protected: false,
    ...overrides,
  };
}

export function accountFixture(n: number, overrides: Partial<Account> = {}): Account {
  return { ...newAccountFixture(n), createdAt: ACCOUNT_CREATED_AT, ...overrides };
}
