// Row ↔ record mapping for the brand tables. The credential column is never read here: only the vault and the
// connectors see it, so no record a handler returns or a change carries can hold it.
import type { BrandAccessLevel, BrandAccount, BrandPost } from '../../src-shared/team/team-contract.ts';
import type { SqlExecutor, SqlRow } from '../storage/sql-engine.ts';

export const BRAND_ACCOUNT_COLUMNS =
  'id, network, service, handle, remote_id, connected_by, connected_at, removed_at, version';

export const toBrandAccount = (row: SqlRow): BrandAccount => ({
  id: String(row['id']),
  network: row['network'] as BrandAccount['network'],
  service: String(row['service']),
  handle: String(row['handle']),
  remoteId: String(row['remote_id']),
  connectedBy: String(row['connected_by']),
  connectedAt: Number(row['connected_at']),
  removedAt: row['removed_at'] === null ? null : Number(row['removed_at']),
  version: Number(row['version']),
});

export const BRAND_POST_COLUMNS =
  'id, account_id, member_id, kind, text, state, remote_id, url, last_error, created_at, updated_at, version, approval_id';

export const toBrandPost = (row: SqlRow): BrandPost => ({
  id: String(row['id']),
  accountId: String(row['account_id']),
  memberId: String(row['member_id']),
  kind: row['kind'] as BrandPost['kind'],
  text: String(row['text']),
  state: row['state'] as BrandPost['state'],
  remoteId: row['remote_id'] === null ? null : String(row['remote_id']),
  url: row['url'] === null ? null : String(row['url']),
  lastError:
    row['last_error'] === null ? null : (JSON.parse(String(row['last_error'])) as BrandPost['lastError']),
  createdAt: Number(row['created_at']),
  updatedAt: Number(row['updated_at']),
  version: Number(row['version']),
  approvalId:
    row['approval_id'] === null || row['approval_id'] === undefined ? null : String(row['approval_id']),
});

/** A connected (not removed) brand account, or null. */
export async function findBrandAccount(db: SqlExecutor, id: string): Promise<BrandAccount | null> {
  const row = await db.get(
    `SELECT ${BRAND_ACCOUNT_COLUMNS} FROM brand_accounts WHERE id = ? AND removed_at IS NULL`,
    [id],
  );
  return row ? toBrandAccount(row) : null;
}

/** The member's level on the account as stored; admins are handled by the caller (they have every level). */
export async function storedAccess(
  db: SqlExecutor,
  accountId: string,
  memberId: string,
): Promise<BrandAccessLevel | null> {
  const row = await db.get('SELECT access FROM brand_access WHERE account_id = ? AND member_id = ?', [
    accountId,
    memberId,
  ]);
  return row ? (row['access'] as BrandAccessLevel) : null;
}
