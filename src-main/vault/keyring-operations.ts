// The keychain operations as the worker process runs them, over an injected entry factory (the real one wraps
// @napi-rs/keyring's AsyncEntry pinned to the Secret Service). Keeps the per-service account index and tells
// "locked" apart from "not stored".
import { RESERVED_ACCOUNT_PREFIX } from './keychain.ts';
import type {
  KeychainCredential,
  KeychainDelete,
  KeychainFailure,
  KeychainFind,
  KeychainRead,
  KeychainStatus,
  KeychainWrite,
} from './keychain.ts';
import { classifyKeyringError } from './keyring-errors.ts';

export interface KeyringEntry {
  getPassword(): Promise<string | null>;
  setPassword(password: string): Promise<void>;
  /** Resolves false when there was nothing to delete. */
  deletePassword(): Promise<boolean>;
}

/** May throw synchronously: the Secret Service entry connects to D-Bus when it is created. */
export type OpenEntry = (service: string, account: string) => KeyringEntry;

/**
 * The library's findCredentials cannot be pinned to the Secret Service (it would silently search the kernel
 * keyring instead), so each service keeps its own list of account names in this entry.
 */
export const INDEX_ACCOUNT = `${RESERVED_ACCOUNT_PREFIX}index`;
const PROBE_ACCOUNT = `${RESERVED_ACCOUNT_PREFIX}probe`;
const PROBE_VALUE = 'roost keychain probe';

export interface KeyringOperations {
  get(service: string, account: string): Promise<KeychainRead>;
  set(service: string, account: string, password: string): Promise<KeychainWrite>;
  delete(service: string, account: string): Promise<KeychainDelete>;
  find(service: string): Promise<KeychainFind>;
  status(probeService: string): Promise<KeychainStatus>;
}

type Outcome<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: KeychainFailure };

export function createKeyringOperations(openEntry: OpenEntry): KeyringOperations {
  // Index updates are read-modify-write: one chain per service keeps concurrent sets from losing names.
  const indexChains = new Map<string, Promise<unknown>>();

  async function attempt<T>(run: () => Promise<T>, secrets: readonly string[] = []): Promise<Outcome<T>> {
    try {
      return { ok: true, value: await run() };
    } catch (error) {
      return { ok: false, failure: classifyKeyringError(error, secrets) };
    }
  }

  function entry(service: string, account: string): KeyringEntry {
    return openEntry(service, account);
  }

  async function readIndex(service: string): Promise<Outcome<string[]>> {
    const raw = await attempt(() => entry(service, INDEX_ACCOUNT).getPassword());
    if (!raw.ok) return raw;
    return { ok: true, value: parseIndex(raw.value) };
  }

  function updateIndex(
    service: string,
    change: (names: string[]) => string[],
  ): Promise<KeychainFailure | null> {
    const run = async (): Promise<KeychainFailure | null> => {
      const current = await readIndex(service);
      if (!current.ok) return current.failure;
      const next = change(current.value);
      if (sameNames(current.value, next)) return null;
      const written = await attempt(() => entry(service, INDEX_ACCOUNT).setPassword(JSON.stringify(next)));
      return written.ok ? null : written.failure;
    };
    const previous = indexChains.get(service) ?? Promise.resolve();
    const result = previous.then(run, run);
    const tail = result.finally(() => {
      if (indexChains.get(service) === tail) indexChains.delete(service);
    });
    indexChains.set(service, tail);
    return result;
  }

  return {
    async get(service, account) {
      const read = await attempt(() => entry(service, account).getPassword());
      if (!read.ok) return read.failure;
      if (read.value !== null) return { state: 'stored', value: read.value };
      // A locked collection answers null for a missing item, like an unlocked one. Reading the index (which
      // exists once anything was stored under this service) needs the collection unlocked, so it tells them apart.
      const index = await readIndex(service);
      return index.ok ? { state: 'not_stored' } : index.failure;
    },

    async set(service, account, password) {
      const written = await attempt(() => entry(service, account).setPassword(password), [password]);
      if (!written.ok) return written.failure;
      const indexFailure = await updateIndex(service, (names) =>
        names.includes(account) ? names : [...names, account],
      );
      return indexFailure ?? { state: 'ok' };
    },

    async delete(service, account) {
      const deleted = await attempt(() => entry(service, account).deletePassword());
      if (!deleted.ok) return deleted.failure;
      const indexFailure = await updateIndex(service, (names) => names.filter((name) => name !== account));
      return indexFailure ?? { state: 'ok', deleted: deleted.value };
    },

    async find(service) {
      const index = await readIndex(service);
      if (!index.ok) return index.failure;
      const credentials: KeychainCredential[] = [];
      for (const account of index.value) {
        const read = await attempt(() => entry(service, account).getPassword());
        if (!read.ok) return read.failure;
        // A name whose entry was removed by another program is simply skipped.
        if (read.value !== null) credentials.push({ account, password: read.value });
      }
      return { state: 'found', credentials };
    },

    async status(probeService) {
      const probe = () => entry(probeService, PROBE_ACCOUNT);
      const read = await attempt(() => probe().getPassword());
      if (read.ok && read.value !== null) return { state: 'available', detail: 'Secret Service ready' };
      if (!read.ok) return statusOf(read.failure);
      // The probe entry is missing (first run): a write is the only call that proves the collection is usable.
      const written = await attempt(() => probe().setPassword(PROBE_VALUE));
      return written.ok ? { state: 'available', detail: 'Secret Service ready' } : statusOf(written.failure);
    },
  };
}

function statusOf(failure: KeychainFailure): KeychainStatus {
  switch (failure.state) {
    case 'locked':
      return { state: 'locked', detail: 'The keyring is locked; unlock it to use saved accounts.' };
    case 'timed_out':
      return { state: 'timed_out', detail: 'The keyring did not answer in time.' };
    case 'unavailable':
      return { state: 'unavailable', detail: failure.detail };
  }
}

function parseIndex(raw: string | null): string[] {
  if (raw === null) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!Array.isArray(parsed)) return [];
    return parsed.filter((name): name is string => typeof name === 'string' && name.length > 0);
  } catch {
    return [];
  }
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((name, i) => name === b[i]);
}
