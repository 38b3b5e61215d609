// Claims on a work table (the inquiry desk's queue, the server outbox): a worker takes the next due row for a
// lease, so that of several server processes sharing one PostgreSQL database exactly one works on it. On
// PostgreSQL the row is chosen with `FOR UPDATE SKIP LOCKED` in a concurrent transaction, so workers in other
// processes skip rows being claimed instead of waiting for them; on SQLite one writer at a time does the same.
//
// A work table has at least: `id TEXT PRIMARY KEY`, `due_at BIGINT NOT NULL`, `claimed_by TEXT` and
// `claimed_until BIGINT` (both null while unclaimed). A lease that runs out makes the row claimable again,
// so work held by a process that died is picked up by another.
import type { SqlEngine } from './sql-engine.ts';

export interface Claim {
  readonly id: string;
  readonly claimedUntil: number;
}

const TABLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

function checkTable(table: string): string {
  // Table names cannot be bound as parameters: accept plain lower-case identifiers only.
  if (!TABLE_NAME.test(table)) throw new Error(`"${table}" is not a plain table name`);
  return table;
}

/** Claims the next due, unclaimed (or lease-expired) row of `table` for `worker`, or returns null. */
export async function claimNextDue(
  engine: SqlEngine,
  table: string,
  options: { worker: string; now: number; leaseMs: number },
): Promise<Claim | null> {
  const name = checkTable(table);
  const lock = engine.kind === 'postgres' ? ' FOR UPDATE SKIP LOCKED' : '';
  return engine.transaction(
    async (tx) => {
      const row = await tx.get(
        `SELECT id FROM ${name} WHERE due_at <= ? AND (claimed_until IS NULL OR claimed_until <= ?)
          ORDER BY due_at, id LIMIT 1${lock}`,
        [options.now, options.now],
      );
      if (!row) return null;
      const id = String(row['id']);
      const claimedUntil = options.now + options.leaseMs;
      await tx.run(`UPDATE ${name} SET claimed_by = ?, claimed_until = ? WHERE id = ?`, [
        options.worker,
        claimedUntil,
        id,
      ]);
      return { id, claimedUntil };
    },
    { concurrent: true },
  );
}

/**
 * Gives a claimed row back (to be retried at `dueAt`, default now). Only the worker holding the claim can;
 * returns false when the lease was lost to another worker in the meantime.
 */
export async function releaseClaim(
  engine: SqlEngine,
  table: string,
  claim: { id: string; worker: string; dueAt?: number },
): Promise<boolean> {
  const name = checkTable(table);
  const changed = await engine.transaction(
    (tx) =>
      tx.run(
        `UPDATE ${name} SET claimed_by = NULL, claimed_until = NULL, due_at = COALESCE(?, due_at)
          WHERE id = ? AND claimed_by = ?`,
        [claim.dueAt ?? null, claim.id, claim.worker],
      ),
    { concurrent: true },
  );
  return changed === 1;
}
