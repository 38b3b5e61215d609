// The keychain port: keytar's API (get/set/delete/find by service and account) with discriminated results.
// Services take a Keychain injected; createSecretServiceKeychain() is the OS implementation.

/** Why a keychain call did not do what was asked. These are expected states, never thrown. */
export type KeychainFailure =
  | { readonly state: 'locked' }
  | { readonly state: 'unavailable'; readonly detail: string }
  | { readonly state: 'timed_out' };

export type KeychainRead =
  { readonly state: 'stored'; readonly value: string } | { readonly state: 'not_stored' } | KeychainFailure;

export type KeychainWrite = { readonly state: 'ok' } | KeychainFailure;

/** `deleted` is false when there was nothing to delete (keytar's boolean). */
export type KeychainDelete = { readonly state: 'ok'; readonly deleted: boolean } | KeychainFailure;

export interface KeychainCredential {
  readonly account: string;
  readonly password: string;
}

export type KeychainFind =
  { readonly state: 'found'; readonly credentials: readonly KeychainCredential[] } | KeychainFailure;

export type KeychainStatus = {
  readonly state: 'available' | 'locked' | 'unavailable' | 'timed_out';
  /** Human-readable, for the settings screen; never contains a secret. */
  readonly detail: string;
};

export interface Keychain {
  getPassword(service: string, account: string): Promise<KeychainRead>;
  setPassword(service: string, account: string, password: string): Promise<KeychainWrite>;
  deletePassword(service: string, account: string): Promise<KeychainDelete>;
  findCredentials(service: string): Promise<KeychainFind>;
  status(): Promise<KeychainStatus>;
  /** Releases the keychain (kills its worker process). Later calls answer `unavailable`. */
  stop(): Promise<void>;
}

/**
 * Account names starting with this prefix are kept by the keychain itself (an index of accounts per service,
 * a status probe), so callers cannot use them.
 */
export const RESERVED_ACCOUNT_PREFIX = '__roost.';

export function assertValidKey(service: string, account?: string): void {
  if (typeof service !== 'string' || service.length === 0)
    throw new TypeError('keychain service must be a non-empty string');
  if (account === undefined) return;
  if (typeof account !== 'string' || account.length === 0)
    throw new TypeError('keychain account must be a non-empty string');
  if (account.startsWith(RESERVED_ACCOUNT_PREFIX)) {
    throw new RangeError(`keychain account names starting with "${RESERVED_ACCOUNT_PREFIX}" are reserved`);
  }
}
