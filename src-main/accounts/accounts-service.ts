// Adds, lists and removes network accounts. The secret goes to the keychain, the registry row to the
// main store; an add either completes both or leaves neither, and removal deletes from both.
import { ulid } from 'ulid';
import type { Account, Network } from '../../src-shared/domain/account.ts';
import { handleMatches } from '../../src-shared/guards/account-rules.ts';
import { RoostError } from '../../src-shared/contract/errors.ts';
import type { BlueskyIdentity, BlueskySignInInput } from '../connectors/bluesky/sign-in.ts';
import type { AccountRepository, NewAccount } from './account-repository.ts';
import type { EventBus } from '../rpc/event-bus.ts';
import type { CredentialStore, StoredCredential } from '../vault/credential-store.ts';

/** The slice of the account repository this service needs. */
export type AccountRegistry = Pick<
  AccountRepository,
  'list' | 'get' | 'insert' | 'remove' | 'setProtected' | 'setStatus'
>;

export interface AccountsServiceDeps {
  readonly registry: AccountRegistry;
  readonly credentials: CredentialStore;
  readonly events: EventBus;
  readonly signInToBluesky: (input: BlueskySignInInput) => Promise<BlueskyIdentity>;
  /** Lets other services drop what they hold for a removed account (cached connectors, polls). */
  readonly onRemoved?: (accountId: string) => void;
  /** An account that needed sign-in has fresh credentials: polling may resume. */
  readonly onSignedInAgain?: (accountId: string) => void;
}

export interface AddBlueskyAccountInput {
  readonly service: string;
  readonly identifier: string;
  readonly appPassword: string;
}

/** Who signed in, as any network's sign-in flow reports it. */
export interface SignedInIdentity {
  readonly network: Network;
  readonly service: string;
  readonly remoteId: string;
  readonly handle: string;
  readonly displayName: string;
  readonly avatarUrl: string | null;
}

export interface AccountsService {
  list(): Account[];
  addBluesky(input: AddBlueskyAccountInput): Promise<Account>;
  /** Registers an account whose sign-in already succeeded (OAuth flows finish outside this service). */
  register(identity: SignedInIdentity, credential: StoredCredential): Promise<Account>;
  /** Throws when the keychain cannot take a new secret, before the user spends a sign-in on it. */
  assertCanStoreSecrets(): Promise<void>;
  remove(id: string): Promise<{ removed: boolean }>;
  /** `typedHandle` must match the account's handle to turn protection off. */
  setProtected(id: string, isProtected: boolean, typedHandle?: string): Account;
}

export function createAccountsService(deps: AccountsServiceDeps): AccountsService {
  const announce = (): void => deps.events.emit('accounts:changed', { accounts: deps.registry.list() });

  async function register(identity: SignedInIdentity, credential: StoredCredential): Promise<Account> {
    const duplicate = deps.registry
      .list()
      .find((account) => account.network === identity.network && account.remoteId === identity.remoteId);
    if (duplicate && duplicate.status === 'active') {
      throw new RoostError('already_exists', `${identity.handle} is already in Roost.`);
    }
    if (duplicate) {
      // Signing in again to an account whose session was revoked or whose keychain entry was lost.
      await deps.credentials.save(duplicate.id, credential);
      const revived = deps.registry.setStatus(duplicate.id, 'active');
      deps.onSignedInAgain?.(duplicate.id);
      announce();
      return revived;
    }
    const draft: NewAccount = { id: ulid(), ...identity, status: 'active', protected: false };
    await deps.credentials.save(draft.id, credential);
    let account: Account;
    try {
      account = deps.registry.insert(draft);
    } catch (error) {
      await deps.credentials.delete(draft.id).catch(() => undefined);
      throw error;
    }
    announce();
    return account;
  }

  return {
    list: () => deps.registry.list(),
    register,
    assertCanStoreSecrets: () => deps.credentials.assertWritable(),

    async addBluesky(input) {
      // A locked or slow keychain refuses before signing in, so it costs no (rate-limited) login. With no
      // keychain at all, the sign-in goes first: a wrong password is the answer to fix first, and the
      // keychain advice follows once the password is right.
      const keychain = await deps.credentials.assertWritable().then(
        () => null,
        (error: unknown) => error,
      );
      if (keychain && !(keychain instanceof RoostError && keychain.code === 'keychain_unavailable'))
        throw keychain;
      const identity = await deps.signInToBluesky(input);
      if (keychain) throw keychain;
      return register(
        {
          network: 'bluesky',
          service: new URL(input.service).origin,
          remoteId: identity.did,
          handle: identity.handle,
          displayName: identity.displayName,
          avatarUrl: identity.avatarUrl,
        },
        {
          kind: 'app-password',
          identifier: input.identifier,
          secret: input.appPassword,
          session: identity.session,
        },
      );
    },

    async remove(id) {
      const account = deps.registry.get(id);
      if (!account) return { removed: false };
      // Keychain first: if it is locked the account stays listed, so the user can retry instead of
      // leaving an orphaned secret behind.
      await deps.credentials.delete(id);
      const removed = deps.registry.remove(id);
      deps.onRemoved?.(id);
      announce();
      return { removed };
    },

    setProtected(id, isProtected, typedHandle) {
      const current = deps.registry.get(id);
      if (!current) throw new RoostError('not_found', 'No such account.');
      // Unprotecting is the first step of posting unguarded: it asks what posting as the account asks.
      if (current.protected && !isProtected && !handleMatches(typedHandle ?? '', current.handle)) {
        throw new RoostError('forbidden', `Type @${current.handle} to stop protecting this account.`);
      }
      const account = deps.registry.setProtected(id, isProtected);
      announce();
      return account;
    },
  };
}
