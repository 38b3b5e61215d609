// Approval requests and policies in the team database. A request's record is stored whole as JSON, with the
// columns the lists filter on beside it; every write is a change on the ordered feed, in the same transaction.
import { ApprovalRequestSchema, type ApprovalRequest } from '../../src-shared/approvals/approval-machine.ts';
import {
  ApprovalPolicySchema,
  DEFAULT_APPROVAL_POLICY,
  type ApprovalPolicy,
} from '../../src-shared/approvals/approval-policy.ts';
import { appendChange } from '../storage/change-log.ts';
import type { SqlExecutor, SqlRow } from '../storage/sql-engine.ts';

export interface StoredApproval {
  readonly accountId: string;
  readonly request: ApprovalRequest;
}

const toStored = (row: SqlRow): StoredApproval => ({
  accountId: String(row['account_id']),
  request: ApprovalRequestSchema.parse(JSON.parse(String(row['record']))),
});

export async function findApproval(db: SqlExecutor, id: string): Promise<StoredApproval | null> {
  const row = await db.get('SELECT account_id, record FROM approval_requests WHERE id = ?', [id]);
  return row ? toStored(row) : null;
}

export async function listApprovals(
  db: SqlExecutor,
  where: string,
  params: readonly (string | number)[],
): Promise<StoredApproval[]> {
  const rows = await db.all(
    `SELECT account_id, record FROM approval_requests WHERE ${where} ORDER BY created_at DESC, id DESC LIMIT 200`,
    [...params],
  );
  return rows.map(toStored);
}

/** Pending requests whose scheduled time has come, oldest deadline first. */
export async function overdueApprovals(db: SqlExecutor, now: number): Promise<StoredApproval[]> {
  const rows = await db.all(
    `SELECT account_id, record FROM approval_requests
      WHERE state = 'pending' AND expires_at IS NOT NULL AND expires_at <= ? ORDER BY expires_at LIMIT 500`,
    [now],
  );
  return rows.map(toStored);
}

export async function nextDeadline(db: SqlExecutor): Promise<number | null> {
  const row = await db.get(
    "SELECT MIN(expires_at) AS due FROM approval_requests WHERE state = 'pending' AND expires_at IS NOT NULL",
  );
  return row && row['due'] !== null ? Number(row['due']) : null;
}

/** Inserts (version 1) or updates the request, and appends its change (sent to its author and approvers). */
export async function saveApproval(
  tx: SqlExecutor,
  accountId: string,
  request: ApprovalRequest,
  actorId: string | null,
): Promise<void> {
  const record = JSON.stringify(request);
  if (request.version === 1) {
    await tx.run(
      `INSERT INTO approval_requests (id, account_id, author_id, post_id, state, expires_at, record, version,
        created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        request.id,
        accountId,
        request.authorId,
        request.postId,
        request.state,
        request.snapshot.scheduledAt,
        record,
        request.version,
        request.createdAt,
      ],
    );
  } else {
    // The previous version in the WHERE clause: a write based on a stale read changes nothing and fails loudly.
    const updated = await tx.get(
      'UPDATE approval_requests SET state = ?, record = ?, version = ? WHERE id = ? AND version = ? RETURNING id',
      [request.state, record, request.version, request.id, request.version - 1],
    );
    if (!updated) throw new Error(`approval ${request.id} changed under this transaction`);
  }
  await appendChange(tx, {
    at: request.updatedAt,
    actorId,
    entity: 'approval',
    entityId: request.id,
    version: request.version,
    data: { ...request, accountId },
  });
}

export async function readPolicy(
  db: SqlExecutor,
  accountId: string,
): Promise<{ policy: ApprovalPolicy; custom: boolean }> {
  const row = await db.get('SELECT policy FROM approval_policies WHERE account_id = ?', [accountId]);
  if (!row) return { policy: DEFAULT_APPROVAL_POLICY, custom: false };
  return { policy: ApprovalPolicySchema.parse(JSON.parse(String(row['policy']))), custom: true };
}
