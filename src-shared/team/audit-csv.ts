// The audit log as CSV (RFC 4180: comma-separated, CRLF, fields quoted when needed) for admins to export.
// A cell that a spreadsheet would run as a formula (=, +, -, @, tab, CR) is prefixed with an apostrophe: the
// log holds text other people typed (names, notes), and an export must not become a way to run one.
import type { z } from '../zod.ts';
import type { AuditEntrySchema } from './team-contract.ts';

type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AUDIT_CSV_COLUMNS = [
  'id',
  'time',
  'actor_type',
  'member',
  'device',
  'action',
  'target',
  'result',
  'request_id',
  'client_address',
  'before',
  'after',
] as const;

export function auditCsv(entries: readonly AuditEntry[], memberNames: ReadonlyMap<string, string>): string {
  const rows = entries.map((entry) => [
    String(entry.id),
    new Date(entry.at).toISOString(),
    entry.actorType,
    entry.memberId ? `${memberNames.get(entry.memberId) ?? ''} (${entry.memberId})`.trim() : '',
    entry.deviceId ?? '',
    entry.action,
    entry.target ?? '',
    entry.result,
    entry.requestId ?? '',
    entry.clientAddress ?? '',
    entry.before === null || entry.before === undefined ? '' : JSON.stringify(entry.before),
    entry.after === null || entry.after === undefined ? '' : JSON.stringify(entry.after),
  ]);
  return [[...AUDIT_CSV_COLUMNS], ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
