// The inquiry desk's conversations, messages, notes and history in the team database. A conversation is kept
// as the embedded desk's record (src-main/desk/desk-repository.ts) spread over columns, so the desk's pure rules
// run unchanged on the server; every write appends a change carrying `accountId`, so the feed sends it only
// to members who may see that brand account.
import type { DeskMessage } from '../../src-shared/contract/desk-contract.ts';
import type { TeamConversation, TeamNote } from '../../src-shared/desk/desk-team-contract.ts';
import type { SlaPolicy } from '../../src-shared/desk/sla.ts';
import type { StoredConversation, StoredMessage } from '../../src-main/desk/desk-repository.ts';
import { summarise } from '../../src-main/desk/desk-state.ts';
import { appendChange } from '../storage/change-log.ts';
import type { SqlExecutor, SqlRow, SqlValue } from '../storage/sql-engine.ts';
import { nextSlaInstant } from './desk-sla-instants.ts';

export * from './desk-team-store.ts';

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

export interface DeskEvent {
  readonly id: string;
  readonly conversationId: string;
  readonly kind: string;
  readonly actorId: string | null;
  readonly detail: unknown;
  readonly at: number;
}

export async function addDeskEvent(tx: SqlExecutor, event: DeskEvent): Promise<void> {
  await tx.run(
    'INSERT INTO desk_events (id, conversation_id, kind, actor_id, detail, at) VALUES (?, ?, ?, ?, ?, ?)',
    [
      event.id,
      event.conversationId,
      event.kind,
      event.actorId,
      JSON.stringify(event.detail ?? null),
      event.at,
    ],
  );
}

export async function deskEvents(db: SqlExecutor, conversationId: string): Promise<DeskEvent[]> {
  const rows = await db.all(
    'SELECT id, kind, actor_id, detail, at FROM desk_events WHERE conversation_id = ? ORDER BY at, id',
    [conversationId],
  );
  return rows.map((row) => ({
    id: String(row['id']),
    conversationId,
    kind: String(row['kind']),
    actorId: row['actor_id'] === null ? null : String(row['actor_id']),
    detail: json(row['detail']),
    at: Number(row['at']),
  }));
}

/** Inserts a message; false when one with this id is already there (an item seen twice). */
export async function addDeskMessage(tx: SqlExecutor, message: StoredMessage): Promise<boolean> {
  const sent = message.status === 'sent';
  const inserted = await tx.run(
    `INSERT INTO desk_messages (id, conversation_id, account_id, direction, status, remote_id, action_ref, data,
      created_at, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
    [
      message.id,
      message.conversationId,
      message.accountId,
      message.direction,
      message.status,
      sent ? message.remoteId : null,
      sent ? message.actionRef : null,
      JSON.stringify(message),
      message.createdAt,
      message.receivedAt ?? message.createdAt,
    ],
  );
  return inserted > 0;
}

const toMessage = (row: SqlRow): StoredMessage => ({
  ...(json(row['data']) as StoredMessage),
  status: row['status'] === 'sent' ? 'sent' : 'held',
});

export async function findDeskMessage(db: SqlExecutor, id: string): Promise<StoredMessage | null> {
  const row = await db.get('SELECT data, status FROM desk_messages WHERE id = ?', [id]);
  return row ? toMessage(row) : null;
}

export async function deskMessages(db: SqlExecutor, conversationId: string): Promise<StoredMessage[]> {
  const rows = await db.all(
    'SELECT data, status FROM desk_messages WHERE conversation_id = ? ORDER BY created_at, id',
    [conversationId],
  );
  return rows.map(toMessage);
}

/** The thread of the conversation holding the message the network knows as `remoteId`, for thread keying. */
export async function threadOfRemote(
  db: SqlExecutor,
  accountId: string,
  remoteId: string,
): Promise<string | null> {
  const row = await db.get(
    `SELECT c.thread_id FROM desk_messages m JOIN desk_conversations c ON c.id = m.conversation_id
      WHERE m.account_id = ? AND m.remote_id = ? LIMIT 1`,
    [accountId, remoteId],
  );
  return row ? String(row['thread_id']) : null;
}

export const toDeskMessage = ({
  conversationId: _c,
  accountId: _a,
  status: _s,
  receivedAt: _r,
  ...m
}: StoredMessage): DeskMessage => m;

/** Adds an internal note and its change (sent to members who may see the brand account). */
export async function addDeskNote(tx: SqlExecutor, note: TeamNote, accountId: string): Promise<void> {
  await tx.run(
    'INSERT INTO desk_notes (id, conversation_id, author_id, text, mentions, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    [note.id, note.conversationId, note.authorId, note.text, JSON.stringify(note.mentions), note.createdAt],
  );
  await appendChange(tx, {
    at: note.createdAt,
    actorId: note.authorId,
    entity: 'deskNote',
    entityId: note.id,
    version: 1,
    data: { ...note, accountId },
  });
}

export async function deskNotes(db: SqlExecutor, conversationId: string): Promise<TeamNote[]> {
  const rows = await db.all(
    `SELECT n.id, n.author_id, n.text, n.mentions, n.created_at, m.display_name FROM desk_notes n
      JOIN members m ON m.id = n.author_id WHERE n.conversation_id = ? ORDER BY n.created_at, n.id`,
    [conversationId],
  );
  return rows.map((row) => ({
    id: String(row['id']),
    conversationId,
    authorId: String(row['author_id']),
    authorName: String(row['display_name']),
    text: String(row['text']),
    mentions: json(row['mentions']) as string[],
    createdAt: Number(row['created_at']),
  }));
}
