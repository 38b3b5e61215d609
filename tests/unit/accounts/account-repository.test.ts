// The account registry over a real in-memory SQLite database.
import { beforeEach, describe, expect, it } from 'vitest';
import { RoostError } from '../../../src-shared/contract/errors.ts';
import {
  createAccountRepository,
  type AccountRepository,
} from '../../../src-main/accounts/account-repository.ts';
import { openMainStore, type MainStore } from '../../../src-main/store/main-store.ts';
import { makeClock, sampleAccount } from '../store/helpers.ts';

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    return error instanceof RoostError ? error.code : `not a RoostError: ${String(error)}`;
  }
  return undefined;
};

describe('account repository', () => {
  let store: MainStore;
  let clock: ReturnType<typeof makeClock>;
  let accounts: AccountRepository;
  beforeEach(() => {
    store = openMainStore({ path: ':memory:' });
    clock = makeClock();
    accounts = createAccountRepository(store, { now: clock.now });
    return () => store.close();
  });

  it('inserts an account stamped by the clock and reads it back unchanged', () => {
    const inserted = accounts.insert(
      sampleAccount(1, { avatarUrl: 'https://cdn.example/a.png', protected: true }),
    );
    expect(inserted).toEqual({
      ...sampleAccount(1, { avatarUrl: 'https://cdn.example/a.png', protected: true }),
      createdAt: '2025-01-01T00:00:00.000Z',
    });
    expect(accounts.get('acct-1')).toEqual(inserted);
    expect(accounts.get('nobody')).toBeNull();
  });

  it("fails with 'already_exists' for the same network + remote id, and writes nothing", () => {
    accounts.insert(sampleAccount(1));
    expect(codeOf(() => accounts.insert(sampleAccount(2, { remoteId: 'did:plc:user1' })))).toBe(
      'already_exists',
    );
    expect(codeOf(() => accounts.insert(sampleAccount(1, { remoteId: 'did:plc:other' })))).toBe(
      'already_exists',
    );
    expect(accounts.list().map((a) => a.id)).toEqual(['acct-1']);
  });

  it('allows the same remote id on another network', () => {
    accounts.insert(sampleAccount(1, { remoteId: 'same' }));
    accounts.insert(sampleAccount(2, { remoteId: 'same', network: 'mastodon' }));
    expect(accounts.list()).toHaveLength(2);
  });

  it("rejects an account the domain schema rejects with 'invalid_input'", () => {
    const bad = { ...sampleAccount(1), network: 'myspace' } as unknown as Parameters<
      AccountRepository['insert']
    >[0];
    expect(codeOf(() => accounts.insert(bad))).toBe('invalid_input');
    expect(codeOf(() => accounts.insert(sampleAccount(2, { id: '' })))).toBe('invalid_input');
    expect(accounts.list()).toEqual([]);
  });

  it('lists oldest first, whatever the id order', () => {
    for (const n of [3, 1, 2]) {
      accounts.insert(sampleAccount(n));
      clock.advance(1000);
    }
    expect(accounts.list().map((a) => a.id)).toEqual(['acct-3', 'acct-1', 'acct-2']);
  });

  it('removes an account and its poll cursors; removing again reports false', () => {
    accounts.insert(sampleAccount(1));
    accounts.insert(sampleAccount(2));
    store.db
      .prepare("INSERT INTO poll_cursors (account_id, column_key, updated_at) VALUES ('acct-1', 'home', 't')")
      .run();
    expect(accounts.remove('acct-1')).toBe(true);
    expect(accounts.remove('acct-1')).toBe(false);
    expect(accounts.list().map((a) => a.id)).toEqual(['acct-2']);
    expect(store.db.prepare('SELECT count(*) AS n FROM poll_cursors').get()?.['n']).toBe(0);
  });

  it('sets protected and status, bumping updated_at but not createdAt', () => {
    accounts.insert(sampleAccount(1));
    clock.advance(60_000);
    expect(accounts.setProtected('acct-1', true).protected).toBe(true);
    expect(accounts.setStatus('acct-1', 'keychain_locked').status).toBe('keychain_locked');
    const stored = accounts.get('acct-1');
    expect(stored).toMatchObject({
      protected: true,
      status: 'keychain_locked',
      createdAt: '2025-01-01T00:00:00.000Z',
    });
    const row = store.db.prepare("SELECT updated_at FROM accounts WHERE id = 'acct-1'").get();
    expect(row?.['updated_at']).toBe('2025-01-01T00:01:00.000Z');
    expect(accounts.setProtected('acct-1', false).protected).toBe(false);
  });

  it('updates only the profile fields given, and can clear the avatar', () => {
    accounts.insert(sampleAccount(1, { avatarUrl: 'https://cdn.example/a.png' }));
    const renamed = accounts.updateProfile('acct-1', { displayName: 'Renamed' });
    expect(renamed).toMatchObject({
      displayName: 'Renamed',
      handle: 'user1.example',
      avatarUrl: 'https://cdn.example/a.png',
    });
    const cleared = accounts.updateProfile('acct-1', { handle: 'new.example', avatarUrl: null });
    expect(cleared).toMatchObject({ displayName: 'Renamed', handle: 'new.example', avatarUrl: null });
    expect(accounts.get('acct-1')).toEqual(cleared);
  });

  it("answers 'not_found' when updating an unknown account", () => {
    expect(codeOf(() => accounts.setProtected('nobody', true))).toBe('not_found');
    expect(codeOf(() => accounts.setStatus('nobody', 'active'))).toBe('not_found');
    expect(codeOf(() => accounts.updateProfile('nobody', { handle: 'x' }))).toBe('not_found');
  });

  it('refuses to hand out a stored row this build cannot understand', () => {
    accounts.insert(sampleAccount(1));
    store.db.exec("UPDATE accounts SET status = 'from_the_future'");
    expect(codeOf(() => accounts.list())).toBe('internal');
  });

  it("rolls back a caller's transaction that inserted then failed", () => {
    expect(() =>
      store.transaction(() => {
        accounts.insert(sampleAccount(1));
        accounts.insert(sampleAccount(2, { remoteId: 'did:plc:user1' }));
      }),
    ).toThrow(RoostError);
    expect(accounts.list()).toEqual([]);
  });
});
