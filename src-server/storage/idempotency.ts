// Idempotency keys: the first successful answer to (caller, key) is stored with a hash of the request, in the
// same transaction as the change it made. A replay gets that answer back and writes nothing; a key reused for
// another request is refused. Keys are ULIDs, whose time part says when the request was made: one older than
// the retention window is answered `stale`, because its earlier attempt may already have been forgotten.
import { createHash } from 'node:crypto';
import { decodeTime } from 'ulid';
import { TeamFailure } from '../../src-shared/team/team-contract.ts';
import type { SqlExecutor } from './sql-engine.ts';

export const IDEMPOTENCY_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;
const ULID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{26}$/;

export function requestHash(method: string, input: unknown): string {
  return createHash('sha256').update(method).update('\0').update(JSON.stringify(input)).digest('base64url');
}

/** Throws `stale` for a key older than the retention window; `idempotency_required` when it is not a ULID. */
export function checkKeyAge(key: string, now: number): void {
  if (!ULID_PATTERN.test(key))
    throw new TeamFailure('idempotency_required', 'Idempotency-Key must be a ULID');
  if (now - decodeTime(key) > IDEMPOTENCY_RETENTION_MS) {
    throw new TeamFailure(
      'stale',
      'This request is older than the server remembers requests; make it again.',
    );
  }
}

export async function findStoredAnswer(
  tx: SqlExecutor,
  scope: string,
  key: string,
  hash: string,
): Promise<unknown | undefined> {
  const row = await tx.get(
    'SELECT request_hash, response FROM idempotency_keys WHERE scope = ? AND idem_key = ?',
    [scope, key],
  );
  if (!row) return undefined;
  if (row['request_hash'] !== hash) {
    throw new TeamFailure(
      'idempotency_mismatch',
      'This Idempotency-Key was already used for another request',
    );
  }
  return JSON.parse(String(row['response'])) as unknown;
}

export async function storeAnswer(
  tx: SqlExecutor,
  entry: { scope: string; key: string; method: string; hash: string; value: unknown; now: number },
): Promise<void> {
  await tx.run(
    `INSERT INTO idempotency_keys (scope, idem_key, method, request_hash, response, created_at)
      VALUES (?, ?, ?, ?, ?, ?)`,
    [entry.scope, entry.key, entry.method, entry.hash, JSON.stringify(entry.value), entry.now],
  );
}

/** Forgets keys past the retention window; requests that old are refused as stale anyway. */
export async function pruneIdempotencyKeys(tx: SqlExecutor, now: number): Promise<number> {
  return tx.run('DELETE FROM idempotency_keys WHERE created_at < ?', [now - IDEMPOTENCY_RETENTION_MS]);
}
