// The inquiry desk's conversations in the team database (messages, notes, experts, settings: re-exported). A conversation is kept
// as the embedded desk's record (src-main/desk/desk-repository.ts) spread over columns, so the desk's pure rules
// run unchanged on the server; every write appends a change carrying `accountId`, so the feed sends it only
// to members who may see that brand account.
import type { TeamConversation } from '../../src-shared/desk/desk-team-contract.ts';
import type { SlaPolicy } from '../../src-shared/desk/sla.ts';
import type { StoredConversation } from '../../src-main/desk/desk-repository.ts';
import { summarise } from '../../src-main/desk/desk-state.ts';
import { appendChange } from '../storage/change-log.ts';
import type { SqlExecutor, SqlRow, SqlValue } from '../storage/sql-engine.ts';
import { nextSlaInstant } from './desk-sla-instants.ts';
import { addDeskEvent } from './desk-message-store.ts';

export * from './desk-team-store.ts';
export * from './desk-message-store.ts';

/** A conversation on the team server: the embedded desk's record, its version, and since when it waits. */
export interface DeskConversationRecord extends StoredConversation {
  readonly version: number;
  /** Since when it waits in the holding queue for an expert; null while owned, pending, snoozed or resolved. */
  readonly waitingSince: number | null;
}

const CONVERSATION_COLUMNS = `id, conv_key, account_id, network, contact, thread_id, state, owner_id, priority,
  reasons, skills, lang, inbound_text, excerpt, created_at, last_message_at, snoozed_until, waiting_since, clocks,
  version`;

const json = (value: SqlValue | undefined): unknown => JSON.parse(String(value));
const numberOrNull = (value: SqlValue | undefined): number | null =>
  value === null || value === undefined ? null : Number(value);

function toConversation(row: SqlRow): DeskConversationRecord {
  return {
    id: String(row['id']),
    key: String(row['conv_key']),
    accountId: String(row['account_id']),
    network: row['network'] as StoredConversation['network'],
    contact: json(row['contact']) as StoredConversation['contact'],
    threadId: String(row['thread_id']),
    life: {
      state: row['state'] as StoredConversation['life']['state'],
      ownerId: row['owner_id'] === null ? null : String(row['owner_id']),
      snoozedUntil: numberOrNull(row['snoozed_until']),
    },
    priority: Number(row['priority']),
    priorityReasons: json(row['reasons']) as string[],
    skills: json(row['skills']) as string[],
    lang: row['lang'] === null ? null : String(row['lang']),
    inboundText: String(row['inbound_text']),
    excerpt: String(row['excerpt']),
    createdAt: Number(row['created_at']),
    lastMessageAt: Number(row['last_message_at']),
    clocks: json(row['clocks']) as StoredConversation['clocks'],
    version: Number(row['version']),
    waitingSince: numberOrNull(row['waiting_since']),
  };
}

export async function findConversation(db: SqlExecutor, id: string): Promise<DeskConversationRecord | null> {
  const row = await db.get(`SELECT ${CONVERSATION_COLUMNS} FROM desk_conversations WHERE id = ?`, [id]);
  return row ? toConversation(row) : null;
}

export async function findConversationByKey(
  db: SqlExecutor,
  key: string,
): Promise<DeskConversationRecord | null> {
  const row = await db.get(`SELECT ${CONVERSATION_COLUMNS} FROM desk_conversations WHERE conv_key = ?`, [
    key,
  ]);
  return row ? toConversation(row) : null;
}

export interface ConversationFilter {
  readonly states?: readonly StoredConversation['life']['state'][];
  /** A member id, or null for unowned. Absent: any owner. */
  readonly ownerId?: string | null;
  /** Only these brand accounts (absent: all). */
  readonly accountIds?: readonly string[];
  readonly contact?: { readonly accountId: string; readonly contactId: string };
  readonly limit: number;
}

/** Conversations matching the filter, highest priority first, then oldest. */
export async function listConversations(
  db: SqlExecutor,
  filter: ConversationFilter,
): Promise<DeskConversationRecord[]> {
  const where: string[] = [];
  const params: SqlValue[] = [];
  const oneOf = (column: string, values: readonly string[]) => {
    where.push(values.length === 0 ? '1 = 0' : `${column} IN (${values.map(() => '?').join(', ')})`);
    params.push(...values);
  };
  if (filter.states) oneOf('state', filter.states);
  if (filter.accountIds) oneOf('account_id', filter.accountIds);
  if (filter.ownerId === null) where.push('owner_id IS NULL');
  else if (filter.ownerId !== undefined) {
    where.push('owner_id = ?');
    params.push(filter.ownerId);
  }
  if (filter.contact) {
    where.push('account_id = ? AND contact_id = ?');
    params.push(filter.contact.accountId, filter.contact.contactId);
  }
  const rows = await db.all(
    `SELECT ${CONVERSATION_COLUMNS} FROM desk_conversations ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY priority DESC, created_at, id LIMIT ?`,
    [...params, filter.limit],
  );
  return rows.map(toConversation);
}

/** The holding queue: conversations waiting for an expert, highest priority first, then the longest waiting. */
export async function waitingConversations(
  db: SqlExecutor,
  limit: number,
): Promise<DeskConversationRecord[]> {
  const rows = await db.all(
    `SELECT ${CONVERSATION_COLUMNS} FROM desk_conversations WHERE waiting_since IS NOT NULL
      ORDER BY priority DESC, waiting_since, id LIMIT ?`,
    [limit],
  );
  return rows.map(toConversation);
}

/** Open conversations per owner, for the experts' capacity. */
export async function openAssignedCounts(db: SqlExecutor): Promise<Map<string, number>> {
  const rows = await db.all(
    `SELECT owner_id, COUNT(*) AS open FROM desk_conversations
      WHERE owner_id IS NOT NULL AND state IN ('new', 'open') GROUP BY owner_id`,
  );
  return new Map(rows.map((row) => [String(row['owner_id']), Number(row['open'])]));
}

/** Conversations with an SLA warning or breach due by `now`, for the ticker. */
export async function slaDue(db: SqlExecutor, now: number, limit: number): Promise<DeskConversationRecord[]> {
  const rows = await db.all(
    `SELECT ${CONVERSATION_COLUMNS}, sla_checked_at FROM desk_conversations
      WHERE sla_next_at IS NOT NULL AND sla_next_at <= ? ORDER BY sla_next_at LIMIT ?`,
    [now, limit],
  );
  return rows.map(toConversation);
}

export async function slaCheckedAt(db: SqlExecutor, id: string): Promise<number> {
  const row = await db.get('SELECT sla_checked_at FROM desk_conversations WHERE id = ?', [id]);
  return Number(row?.['sla_checked_at'] ?? 0);
}

export async function nextSlaDue(db: SqlExecutor): Promise<number | null> {
  const row = await db.get('SELECT MIN(sla_next_at) AS due FROM desk_conversations');
  return numberOrNull(row?.['due']);
}

/** The team view of a record: the desk's summary with its owner's name and version. */
export async function teamSummary(
  db: SqlExecutor,
  record: DeskConversationRecord,
  now: number,
  policy: SlaPolicy,
): Promise<TeamConversation> {
  const owner = record.life.ownerId
    ? await db.get('SELECT display_name FROM members WHERE id = ?', [record.life.ownerId])
    : undefined;
  return {
    ...summarise(record, now, policy),
    ownerName: owner ? String(owner['display_name']) : null,
    version: record.version,
  };
}

/**
 * Inserts (version 1) or updates the conversation, records what happened to it and appends its change.
 * An update names the version it was based on: a write on a stale read changes nothing and throws.
 */
export async function saveConversation(
  tx: SqlExecutor,
  record: DeskConversationRecord,
  what: {
    event: string;
    detail: unknown;
    actorId: string | null;
    at: number;
    policy: SlaPolicy;
    eventId: string;
  },
): Promise<TeamConversation> {
  const { at, policy } = what;
  const values: SqlValue[] = [
    record.life.state,
    record.life.ownerId,
    record.priority,
    JSON.stringify(record.priorityReasons),
    JSON.stringify(record.skills),
    record.lang,
    record.inboundText,
    record.excerpt,
    JSON.stringify(record.contact),
    record.lastMessageAt,
    record.life.snoozedUntil,
    record.waitingSince,
    JSON.stringify(record.clocks),
    nextSlaInstant(record.clocks, at, policy),
    record.version,
  ];
  if (record.version === 1) {
    await tx.run(
      `INSERT INTO desk_conversations (state, owner_id, priority, reasons, skills, lang, inbound_text, excerpt,
        contact, last_message_at, snoozed_until, waiting_since, clocks, sla_next_at, version, id, conv_key,
        account_id, network, contact_id, thread_id, created_at, sla_checked_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        ...values,
        record.id,
        record.key,
        record.accountId,
        record.network,
        record.contact.id,
        record.threadId,
        record.createdAt,
        at,
      ],
    );
  } else {
    const updated = await tx.get(
      `UPDATE desk_conversations SET state = ?, owner_id = ?, priority = ?, reasons = ?, skills = ?, lang = ?,
        inbound_text = ?, excerpt = ?, contact = ?, last_message_at = ?, snoozed_until = ?, waiting_since = ?,
        clocks = ?, sla_next_at = ?, version = ? WHERE id = ? AND version = ? RETURNING id`,
      [...values, record.id, record.version - 1],
    );
    if (!updated) throw new Error(`conversation ${record.id} changed under this transaction`);
  }
  await addDeskEvent(tx, {
    id: what.eventId,
    conversationId: record.id,
    kind: what.event,
    actorId: what.actorId,
    detail: what.detail,
    at,
  });
  const summary = await teamSummary(tx, record, at, policy);
  await appendChange(tx, {
    at,
    actorId: what.actorId,
    entity: 'conversation',
    entityId: record.id,
    version: record.version,
    data: { ...summary, accountId: record.accountId },
  });
  return summary;
}

/** After the SLA ticker looked at a conversation: until when it has reported, and when to look next. */
export async function markSlaChecked(
  tx: SqlExecutor,
  record: DeskConversationRecord,
  at: number,
  policy: SlaPolicy,
): Promise<void> {
  await tx.run('UPDATE desk_conversations SET sla_checked_at = ?, sla_next_at = ? WHERE id = ?', [
    at,
    nextSlaInstant(record.clocks, at, policy),
    record.id,
  ]);
}

/** Snoozed conversations whose time has come, for the routing pass to wake. */
export async function snoozedDue(
  db: SqlExecutor,
  now: number,
  limit: number,
): Promise<DeskConversationRecord[]> {
  const rows = await db.all(
    `SELECT ${CONVERSATION_COLUMNS} FROM desk_conversations
      WHERE state = 'snoozed' AND snoozed_until IS NOT NULL AND snoozed_until <= ? ORDER BY snoozed_until LIMIT ?`,
    [now, limit],
  );
  return rows.map(toConversation);
}
