// The account registry (no secrets): the only code that reads or writes the `accounts` table.
import type { SQLOutputValue } from 'node:sqlite';
import { AccountSchema, type Account, type AccountStatus } from '../../src-shared/domain/account.ts';
import { RoostError } from '../../src-shared/contract/errors.ts';
import type { MainStore } from '../store/main-store.ts';
import { isUniqueViolation, validationError } from '../store/sql-errors.ts';

/** What a caller supplies; the repository stamps createdAt from its clock. */
export type NewAccount = Omit<Account, 'createdAt'>;
export type ProfileUpdate = Partial<Pick<Account, 'handle' | 'displayName' | 'avatarUrl'>>;

export interface AccountRepository {
  /** Throws RoostError 'already_exists' when network + remoteId (or the id) is already registered. */
  insert(account: NewAccount): Account;
  /** Oldest first, so columns and menus keep a stable order. */
  list(): Account[];
  get(id: string): Account | null;
  /** Returns false when there was nothing to remove; the account's poll cursors go with it. */
  remove(id: string): boolean;
  /** The following throw RoostError 'not_found' for an unknown id and return the updated account. */
  setProtected(id: string, isProtected: boolean): Account;
  setStatus(id: string, status: AccountStatus): Account;
  updateProfile(id: string, update: ProfileUpdate): Account;
}

export interface AccountRepositoryOptions {
  /** Injected so tests control timestamps. */
  readonly now?: () => Date;
}

const COLUMNS =
  'id, network, service, remote_id, handle, display_name, avatar_url, status, protected, created_at, updated_at';

export function createAccountRepository(
  store: MainStore,
  options: AccountRepositoryOptions = {},
): AccountRepository {
  const { db } = store;
  const now = (): string => (options.now ?? (() => new Date()))().toISOString();
  const insertStmt = db.prepare(`INSERT INTO accounts (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const findByRemote = db.prepare('SELECT id FROM accounts WHERE network = ? AND remote_id = ?');
  const listStmt = db.prepare(`SELECT ${COLUMNS} FROM accounts ORDER BY created_at, rowid`);
  const getStmt = db.prepare(`SELECT ${COLUMNS} FROM accounts WHERE id = ?`);
  const removeStmt = db.prepare('DELETE FROM accounts WHERE id = ?');
  const updateStmt = db.prepare(
    `UPDATE accounts SET handle = ?, display_name = ?, avatar_url = ?, status = ?, protected = ?, updated_at = ?
     WHERE id = ?`,
  );

  const get = (id: string): Account | null => {
    const row = getStmt.get(id);
    return row ? toAccount(row) : null;
  };

  const update = (id: string, change: (current: Account) => Account): Account =>
    store.transaction(() => {
      const current = get(id);
      if (!current) throw new RoostError('not_found', `No account with id ${id}`);
      const next = parseAccount(change(current));
      updateStmt.run(
        next.handle,
        next.displayName,
        next.avatarUrl,
        next.status,
        next.protected ? 1 : 0,
        now(),
        id,
      );
      return next;
    });

  return {
    insert(input) {
      const account = parseAccount({ ...input, createdAt: now() });
      return store.transaction(() => {
        if (findByRemote.get(account.network, account.remoteId)) {
          throw new RoostError('already_exists', `This ${account.network} account is already added`);
        }
        try {
          insertStmt.run(
            account.id,
            account.network,
            account.service,
            account.remoteId,
            account.handle,
            account.displayName,
            account.avatarUrl,
            account.status,
            account.protected ? 1 : 0,
            account.createdAt,
            account.createdAt,
          );
        } catch (error) {
          if (isUniqueViolation(error))
            throw new RoostError('already_exists', `Account id ${account.id} is taken`);
          throw error;
        }
        return account;
      });
    },
    list: () => listStmt.all().map(toAccount),
    get,
    remove: (id) => Number(removeStmt.run(id).changes) > 0,
    setProtected: (id, isProtected) => update(id, (a) => ({ ...a, protected: isProtected })),
    setStatus: (id, status) => update(id, (a) => ({ ...a, status })),
    updateProfile: (id, change) =>
      update(id, (a) => ({
        ...a,
        handle: change.handle ?? a.handle,
        displayName: change.displayName ?? a.displayName,
        avatarUrl: change.avatarUrl === undefined ? a.avatarUrl : change.avatarUrl,
      })),
  };
}

function parseAccount(value: unknown): Account {
  const parsed = AccountSchema.safeParse(value);
  if (!parsed.success) throw validationError('account', parsed.error.issues);
  return parsed.data;
}

/** Rows are parsed too: a value this build does not understand should fail loudly, not reach the UI. */
function toAccount(row: Record<string, SQLOutputValue>): Account {
  const account = AccountSchema.safeParse({
    id: row['id'],
    network: row['network'],
    service: row['service'],
    remoteId: row['remote_id'],
    handle: row['handle'],
    displayName: row['display_name'],
    avatarUrl: row['avatar_url'],
    status: row['status'],
    protected: row['protected'] === 1,
    createdAt: row['created_at'],
  });
  if (!account.success) throw new RoostError('internal', `Stored account ${String(row['id'])} is unreadable`);
  return account.data;
}
