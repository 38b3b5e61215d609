// A conversation's messages (the contact's and the brand's), internal notes and history in the team
// database. Notes are changes carrying `accountId`, so only members who see the brand account receive them.
import type { DeskMessage } from '../../src-shared/contract/desk-contract.ts';
import type { TeamNote } from '../../src-shared/desk/desk-team-contract.ts';
import type { StoredMessage } from '../../src-main/desk/desk-repository.ts';
import { appendChange } from '../storage/change-log.ts';
import type { SqlExecutor, SqlRow, SqlValue } from '../storage/sql-engine.ts';

const json = (value: SqlValue | undefined): unknown => JSON.parse(String(value));

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
