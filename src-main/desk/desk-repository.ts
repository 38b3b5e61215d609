// The embedded desk's tables in main's SQLite: the only code that touches desk_*.
import type { ImpostorFlag } from '../../src-shared/protection/flags.ts';
import type { SQLOutputValue } from 'node:sqlite';
import type { ConversationLife } from '../../src-shared/desk/conversation.ts';
import type { SlaClock } from '../../src-shared/desk/sla.ts';
import type { DeskMessage, DeskNote, SavedReply } from '../../src-shared/contract/desk-contract.ts';
import type { Network } from '../../src-shared/domain/account.ts';
import type { DeskSettings } from '../../src-shared/desk/desk-settings.ts';
import type { MainStore } from '../store/main-store.ts';

export interface StoredConversation {
  readonly id: string;
  readonly key: string;
  readonly accountId: string;
  readonly network: Network;
  readonly contact: {
    readonly id: string;
    readonly handle: string;
    readonly displayName: string;
    readonly avatarUrl: string | null;
    /** Set when main flagged the contact as posing as one of the user's accounts (src-main/protection). */
    readonly impostor?: ImpostorFlag | null;
  };
  readonly threadId: string;
  readonly life: ConversationLife;
  readonly priority: number;
  readonly priorityReasons: readonly string[];
  readonly skills: readonly string[];
  readonly lang: string | null;
  /** The contact's words in this conversation (bounded), what the priority and skills are computed from. */
  readonly inboundText: string;
  readonly excerpt: string;
  readonly createdAt: number;
  readonly lastMessageAt: number;
  readonly clocks: readonly SlaClock[];
}

export interface StoredMessage extends DeskMessage {
  readonly conversationId: string;
  readonly accountId: string;
  readonly status: 'held' | 'sent';
  /** When the desk learnt of it (epoch ms): the collision guard compares this, not the network's clock. */
  readonly receivedAt?: number;
}

export interface DeskRepository {
  get(id: string): StoredConversation | null;
  byKey(key: string): StoredConversation | null;
  put(conversation: StoredConversation): void;
  /** Conversations in any of the given states, highest priority first. */
  inStates(states: readonly ConversationLife['state'][], limit: number): StoredConversation[];
  byContact(accountId: string, contactId: string): StoredConversation[];
  /** Inserts a message; false when one with this id is already there (a batch seen twice). */
  addMessage(message: StoredMessage): boolean;
  message(id: string): StoredMessage | null;
  markSent(id: string, remoteId: string | null, url: string | null): void;
  deleteMessage(id: string): void;
  messages(conversationId: string): StoredMessage[];
  /** The conversation holding the message the network knows as `remoteId`, for thread keying. */
  threadOf(accountId: string, remoteId: string): string | null;
  addNote(conversationId: string, note: DeskNote): void;
  notes(conversationId: string): DeskNote[];
  savedReplies(): SavedReply[];
  savedReply(id: string): SavedReply | null;
  putSavedReply(reply: SavedReply, at: number): void;
  deleteSavedReply(id: string): boolean;
  countUse(id: string): void;
  addEvent(conversationId: string, kind: string, detail: unknown, at: number): void;
  events(conversationId: string): { kind: string; detail: unknown; at: number }[];
  /** Conversations started in [from, to), each with whether its first-response clock was recorded breaching. */
  startedBetween(from: number, to: number): { conversation: StoredConversation; firstBreached: boolean }[];
  /** The instant the desk first started, written once. */
  startedAt(now: number): number;
  /** The settings a desk admin saved; null until they first save (the defaults apply). */
  settings(): DeskSettings | null;
  putSettings(settings: DeskSettings): void;
}

export function createDeskRepository(store: MainStore): DeskRepository {
  const { db } = store;
  const getStmt = db.prepare('SELECT data FROM desk_conversations WHERE id = ?');
  const byKeyStmt = db.prepare('SELECT data FROM desk_conversations WHERE conv_key = ?');
  const putStmt = db.prepare(
    `INSERT INTO desk_conversations
       (id, conv_key, account_id, contact_id, state, owner_id, priority, created_at, last_message_at, data)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET state = excluded.state, owner_id = excluded.owner_id,
       priority = excluded.priority, last_message_at = excluded.last_message_at, data = excluded.data`,
  );
  const byContactStmt = db.prepare(
    `SELECT data FROM desk_conversations WHERE account_id = ? AND contact_id = ? ORDER BY created_at DESC LIMIT 50`,
  );
  const addMessageStmt = db.prepare(
    `INSERT INTO desk_messages
       (id, conversation_id, account_id, direction, status, remote_id, action_ref, data, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
  );
  const messageStmt = db.prepare('SELECT data, status FROM desk_messages WHERE id = ?');
  const markSentStmt = db.prepare(
    `UPDATE desk_messages SET status = 'sent', remote_id = ?, action_ref = ?, data = ? WHERE id = ?`,
  );
  const deleteMessageStmt = db.prepare('DELETE FROM desk_messages WHERE id = ?');
  const messagesStmt = db.prepare(
    'SELECT data, status FROM desk_messages WHERE conversation_id = ? ORDER BY created_at, id',
  );
  const threadStmt = db.prepare(
    `SELECT c.data FROM desk_messages m JOIN desk_conversations c ON c.id = m.conversation_id
     WHERE m.account_id = ? AND (m.remote_id = ? OR m.action_ref = ?) LIMIT 1`,
  );
  const addNoteStmt = db.prepare(
    'INSERT INTO desk_notes (id, conversation_id, text, created_at) VALUES (?, ?, ?, ?)',
  );
  const notesStmt = db.prepare(
    'SELECT id, text, created_at FROM desk_notes WHERE conversation_id = ? ORDER BY created_at, id',
  );
  const repliesStmt = db.prepare(
    'SELECT id, title, body_en, body_fr, uses FROM desk_saved_replies ORDER BY uses DESC, title',
  );
  const replyStmt = db.prepare(
    'SELECT id, title, body_en, body_fr, uses FROM desk_saved_replies WHERE id = ?',
  );
  const putReplyStmt = db.prepare(
    `INSERT INTO desk_saved_replies (id, title, body_en, body_fr, uses, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET title = excluded.title, body_en = excluded.body_en,
       body_fr = excluded.body_fr, updated_at = excluded.updated_at`,
  );
  const deleteReplyStmt = db.prepare('DELETE FROM desk_saved_replies WHERE id = ?');
  const countUseStmt = db.prepare('UPDATE desk_saved_replies SET uses = uses + 1 WHERE id = ?');
  const addEventStmt = db.prepare(
    'INSERT INTO desk_events (conversation_id, kind, detail, at) VALUES (?, ?, ?, ?)',
  );
  const eventsStmt = db.prepare(
    'SELECT kind, detail, at FROM desk_events WHERE conversation_id = ? ORDER BY seq',
  );

  // No index on created_at alone: a desk's conversations are few enough to scan for a chart.
  const startedStmt = db.prepare(
    `SELECT c.data, EXISTS (
       SELECT 1 FROM desk_events e WHERE e.conversation_id = c.id AND e.kind = 'sla_breach'
         AND json_extract(e.detail, '$.clock') = 'first_response') AS breached
     FROM desk_conversations c WHERE c.created_at >= ? AND c.created_at < ?`,
  );
  const metaStmt = db.prepare('SELECT value FROM desk_meta WHERE key = ?');
  const putMetaStmt = db.prepare(
    'INSERT INTO desk_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING',
  );
  const replaceMetaStmt = db.prepare(
    'INSERT INTO desk_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );

  const conversationOf = (row: Record<string, SQLOutputValue> | undefined) =>
    row ? (JSON.parse(String(row['data'])) as StoredConversation) : null;
  const messageOf = (row: Record<string, SQLOutputValue>): StoredMessage => ({
    ...(JSON.parse(String(row['data'])) as StoredMessage),
    status: row['status'] === 'sent' ? 'sent' : 'held',
  });
  const replyOf = (row: Record<string, SQLOutputValue>): SavedReply => ({
    id: String(row['id']),
    title: String(row['title']),
    bodyEn: String(row['body_en']),
    bodyFr: String(row['body_fr']),
    uses: Number(row['uses']),
  });

  return {
    get: (id) => conversationOf(getStmt.get(id)),
    byKey: (key) => conversationOf(byKeyStmt.get(key)),
    put(c) {
      putStmt.run(
        c.id,
        c.key,
        c.accountId,
        c.contact.id,
        c.life.state,
        c.life.ownerId,
        c.priority,
        c.createdAt,
        c.lastMessageAt,
        JSON.stringify(c),
      );
    },
    inStates(states, limit) {
      if (states.length === 0) return [];
      const marks = states.map(() => '?').join(', ');
      return db
        .prepare(
          `SELECT data FROM desk_conversations WHERE state IN (${marks})
           ORDER BY priority DESC, created_at, id LIMIT ?`,
        )
        .all(...states, limit)
        .map((row) => conversationOf(row)!);
    },
    byContact: (accountId, contactId) =>
      byContactStmt.all(accountId, contactId).map((row) => conversationOf(row)!),
    addMessage(m) {
      const result = addMessageStmt.run(
        m.id,
        m.conversationId,
        m.accountId,
        m.direction,
        m.status,
        m.status === 'sent' ? m.remoteId : null,
        m.status === 'sent' ? m.actionRef : null,
        JSON.stringify(m),
        m.createdAt,
      );
      return Number(result.changes) > 0;
    },
    message(id) {
      const row = messageStmt.get(id);
      return row ? messageOf(row) : null;
    },
    markSent(id, remoteId, url) {
      const row = messageStmt.get(id);
      if (!row) return;
      const updated = { ...messageOf(row), status: 'sent' as const, remoteId: remoteId ?? '', url };
      markSentStmt.run(remoteId, remoteId, JSON.stringify(updated), id);
    },
    deleteMessage: (id) => void deleteMessageStmt.run(id),
    messages: (conversationId) => messagesStmt.all(conversationId).map(messageOf),
    threadOf(accountId, remoteId) {
      return conversationOf(threadStmt.get(accountId, remoteId, remoteId))?.threadId ?? null;
    },
    addNote: (conversationId, note) =>
      void addNoteStmt.run(note.id, conversationId, note.text, note.createdAt),
    notes: (conversationId) =>
      notesStmt.all(conversationId).map((row) => ({
        id: String(row['id']),
        text: String(row['text']),
        createdAt: Number(row['created_at']),
      })),
    savedReplies: () => repliesStmt.all().map(replyOf),
    savedReply(id) {
      const row = replyStmt.get(id);
      return row ? replyOf(row) : null;
    },
    putSavedReply: (r, at) => void putReplyStmt.run(r.id, r.title, r.bodyEn, r.bodyFr, r.uses, at),
    deleteSavedReply: (id) => Number(deleteReplyStmt.run(id).changes) > 0,
    countUse: (id) => void countUseStmt.run(id),
    addEvent: (conversationId, kind, detail, at) =>
      void addEventStmt.run(conversationId, kind, JSON.stringify(detail), at),
    events: (conversationId) =>
      eventsStmt.all(conversationId).map((row) => ({
        kind: String(row['kind']),
        detail: JSON.parse(String(row['detail'])) as unknown,
        at: Number(row['at']),
      })),
    startedBetween: (from, to) =>
      startedStmt.all(from, to).map((row) => ({
        conversation: conversationOf(row) as StoredConversation,
        firstBreached: Number(row['breached']) === 1,
      })),
    startedAt(now) {
      putMetaStmt.run('started_at', String(now));
      return Number(metaStmt.get('started_at')?.['value'] ?? now);
    },
    settings() {
      const row = metaStmt.get('settings');
      return row ? (JSON.parse(String(row['value'])) as DeskSettings) : null;
    },
    putSettings: (settings) => void replaceMetaStmt.run('settings', JSON.stringify(settings)),
  };
}
