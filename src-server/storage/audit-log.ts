// The audit log is append-only: this module can add and read entries, and nothing in the server updates or
// deletes them (the schema's triggers refuse it too).
import type { SqlExecutor } from './sql-engine.ts';
import { nextCounter } from './change-log.ts';

export interface AuditEntry {
  readonly at: number;
  readonly actorType: 'member' | 'system';
  readonly memberId: string | null;
  readonly deviceId: string | null;
  readonly action: string;
  readonly target: string | null;
  readonly before: unknown;
  readonly after: unknown;
  readonly requestId: string | null;
  readonly clientAddress: string | null;
  readonly result: 'ok' | 'refused';
}

export async function appendAudit(tx: SqlExecutor, entry: AuditEntry): Promise<void> {
  const id = await nextCounter(tx, 'audit');
  await tx.run(
    `INSERT INTO audit_log (id, at, actor_type, member_id, device_id, action, target, before_json, after_json,
      request_id, client_address, result) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      id,
      entry.at,
      entry.actorType,
      entry.memberId,
      entry.deviceId,
      entry.action,
      entry.target,
      entry.before === undefined ? null : JSON.stringify(entry.before),
      entry.after === undefined ? null : JSON.stringify(entry.after),
      entry.requestId,
      entry.clientAddress,
      entry.result,
    ],
  );
}

export async function listAudit(
  db: SqlExecutor,
  afterId: number,
  limit: number,
): Promise<(AuditEntry & { id: number })[]> {
  const rows = await db.all('SELECT * FROM audit_log WHERE id > ? ORDER BY id LIMIT ?', [afterId, limit]);
  return rows.map((row) => ({
    id: Number(row['id']),
    at: Number(row['at']),
    actorType: row['actor_type'] as AuditEntry['actorType'],
    memberId: row['member_id'] === null ? null : String(row['member_id']),
    deviceId: row['device_id'] === null ? null : String(row['device_id']),
    action: String(row['action']),
    target: row['target'] === null ? null : String(row['target']),
    before: row['before_json'] === null ? null : (JSON.parse(String(row['before_json'])) as unknown),
    after: row['after_json'] === null ? null : (JSON.parse(String(row['after_json'])) as unknown),
    requestId: row['request_id'] === null ? null : String(row['request_id']),
    clientAddress: row['client_address'] === null ? null : String(row['client_address']),
    result: row['result'] as AuditEntry['result'],
  }));
}
