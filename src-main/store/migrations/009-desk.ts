// Schema 9: the embedded inquiry desk of a team of one — conversations built from the mentions, replies and
// quotes the user's accounts receive, their messages, internal notes, saved replies and an event log.
import type { Migration } from '../migrate.ts';

export const migration009Desk: Migration = {
  version: 9,
  name: 'desk',
  up(db) {
    // What the desk filters and sorts on are columns; the rest of a conversation (contact, clocks, reasons)
    // is one JSON document the desk service rewrites whole inside a transaction.
    db.exec(`
      CREATE TABLE desk_conversations (
        id              TEXT PRIMARY KEY,
        conv_key        TEXT NOT NULL UNIQUE,
        account_id      TEXT NOT NULL,
        contact_id      TEXT NOT NULL,
        state           TEXT NOT NULL CHECK (state IN ('new', 'open', 'pending', 'snoozed', 'resolved')),
        owner_id        TEXT,
        priority        INTEGER NOT NULL,
        created_at      INTEGER NOT NULL,
        last_message_at INTEGER NOT NULL,
        data            TEXT NOT NULL
      ) STRICT;
      CREATE INDEX desk_conversations_by_state ON desk_conversations (state, priority DESC, created_at);
      CREATE INDEX desk_conversations_by_contact ON desk_conversations (account_id, contact_id, created_at);

      CREATE TABLE desk_messages (
        id              TEXT PRIMARY KEY,
        conversation_id TEXT NOT NULL REFERENCES desk_conversations (id) ON DELETE CASCADE,
        account_id      TEXT NOT NULL,
        direction       TEXT NOT NULL CHECK (direction IN ('in', 'out')),
        -- An outgoing reply is 'held' from the moment the outbox accepts it until the network has it.
        status          TEXT NOT NULL CHECK (status IN ('held', 'sent')),
        remote_id       TEXT,
        -- What a reply points at when it is not the remote id (Mastodon's instance-local status id).
        action_ref      TEXT,
        data            TEXT NOT NULL,
        created_at      INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX desk_messages_by_conversation ON desk_messages (conversation_id, created_at);
      CREATE INDEX desk_messages_by_remote ON desk_messages (account_id, remote_id);
      CREATE INDEX desk_messages_by_ref ON desk_messages (account_id, action_ref);

      CREATE TABLE desk_notes (
        id              TEXT PRIMARY KEY,
        conversation_id TEXT NOT NULL REFERENCES desk_conversations (id) ON DELETE CASCADE,
        text            TEXT NOT NULL,
        created_at      INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX desk_notes_by_conversation ON desk_notes (conversation_id, created_at);

      CREATE TABLE desk_saved_replies (
        id         TEXT PRIMARY KEY,
        title      TEXT NOT NULL,
        body_en    TEXT NOT NULL,
        body_fr    TEXT NOT NULL,
        uses       INTEGER NOT NULL DEFAULT 0 CHECK (uses >= 0),
        updated_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE desk_events (
        seq             INTEGER PRIMARY KEY AUTOINCREMENT,
        conversation_id TEXT NOT NULL,
        kind            TEXT NOT NULL,
        detail          TEXT NOT NULL,
        at              INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX desk_events_by_conversation ON desk_events (conversation_id, seq);

      -- When the desk first took inquiries, so mentions from long before are not turned into inquiries.
      CREATE TABLE desk_meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
    `);
  },
};
