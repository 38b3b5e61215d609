// The team server's schema, one migration set for SQLite and PostgreSQL. Rules of the shared subset:
// BIGINT for numbers (SQLite reads it as INTEGER; PostgreSQL's INTEGER is only 32-bit), TEXT for strings,
// JSON and base64 keys (no BLOB/BYTEA), INTEGER 0/1 is never used as a boolean (nullable times instead), no
// AUTOINCREMENT/SERIAL (numbers come from the `counters` table, whose row lock also makes PostgreSQL commit
// changes in sequence order), `?` placeholders (the PostgreSQL engine rewrites them to $1…), and
// `UPDATE … RETURNING`. What the two engines cannot share — the append-only guard on the audit log, written
// as a trigger — is the only engine-specific part, kept beside the common statements.
export interface TeamMigration {
  readonly version: number;
  readonly name: string;
  readonly statements: readonly string[];
  readonly engineSpecific?: { readonly sqlite?: readonly string[]; readonly postgres?: readonly string[] };
}

export const TEAM_MIGRATIONS: readonly TeamMigration[] = [
  {
    version: 1,
    name: 'identity-changes-audit',
    statements: [
      `CREATE TABLE counters (name TEXT PRIMARY KEY NOT NULL, value BIGINT NOT NULL)`,
      `INSERT INTO counters (name, value) VALUES ('changes', 0), ('audit', 0)`,
      // One row holding the server's identity; the session-signing key is kept outside the database.
      `CREATE TABLE server_info (id TEXT PRIMARY KEY NOT NULL, created_at BIGINT NOT NULL)`,
      `CREATE TABLE roles (name TEXT PRIMARY KEY NOT NULL, rank BIGINT NOT NULL)`,
      `INSERT INTO roles (name, rank) VALUES ('owner', 60), ('admin', 50), ('lead', 40), ('expert', 30),
        ('limited', 20), ('viewer', 10)`,
      `CREATE TABLE members (
        id TEXT PRIMARY KEY NOT NULL,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL REFERENCES roles (name),
        version BIGINT NOT NULL,
        joined_at BIGINT NOT NULL,
        revoked_at BIGINT
      )`,
      `CREATE TABLE devices (
        id TEXT PRIMARY KEY NOT NULL,
        member_id TEXT NOT NULL REFERENCES members (id),
        name TEXT NOT NULL,
        public_key TEXT NOT NULL,
        enrolled_at BIGINT NOT NULL,
        revoked_at BIGINT
      )`,
      `CREATE INDEX devices_by_member ON devices (member_id)`,
      // Only the SHA-256 of an invitation code is stored: a copy of the database cannot be used to join.
      `CREATE TABLE invitations (
        id TEXT PRIMARY KEY NOT NULL,
        code_hash TEXT NOT NULL UNIQUE,
        role TEXT NOT NULL REFERENCES roles (name),
        created_by TEXT REFERENCES members (id),
        for_member TEXT REFERENCES members (id),
        created_at BIGINT NOT NULL,
        expires_at BIGINT NOT NULL,
        used_at BIGINT,
        used_by_device TEXT,
        revoked_at BIGINT
      )`,
      `CREATE TABLE challenges (
        challenge TEXT PRIMARY KEY NOT NULL,
        device_id TEXT NOT NULL,
        expires_at BIGINT NOT NULL
      )`,
      `CREATE TABLE sessions (
        id TEXT PRIMARY KEY NOT NULL,
        member_id TEXT NOT NULL REFERENCES members (id),
        device_id TEXT NOT NULL REFERENCES devices (id),
        created_at BIGINT NOT NULL,
        expires_at BIGINT NOT NULL,
        ended_at BIGINT
      )`,
      `CREATE INDEX sessions_by_device ON sessions (device_id)`,
      `CREATE TABLE notes (
        id TEXT PRIMARY KEY NOT NULL,
        text TEXT NOT NULL,
        version BIGINT NOT NULL,
        updated_by TEXT NOT NULL REFERENCES members (id),
        updated_at BIGINT NOT NULL
      )`,
      `CREATE TABLE changes (
        seq BIGINT PRIMARY KEY NOT NULL,
        at BIGINT NOT NULL,
        actor_id TEXT,
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        version BIGINT NOT NULL,
        data TEXT NOT NULL
      )`,
      `CREATE TABLE audit_log (
        id BIGINT PRIMARY KEY NOT NULL,
        at BIGINT NOT NULL,
        actor_type TEXT NOT NULL,
        member_id TEXT,
        device_id TEXT,
        action TEXT NOT NULL,
        target TEXT,
        before_json TEXT,
        after_json TEXT,
        request_id TEXT,
        client_address TEXT,
        result TEXT NOT NULL
      )`,
      `CREATE TABLE idempotency_keys (
        scope TEXT NOT NULL,
        idem_key TEXT NOT NULL,
        method TEXT NOT NULL,
        request_hash TEXT NOT NULL,
        response TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        PRIMARY KEY (scope, idem_key)
      )`,
    ],
    engineSpecific: {
      sqlite: [
        `CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
          BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END`,
        `CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
          BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END`,
      ],
      postgres: [
        `CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS
          $$ BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$`,
        `CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
          FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`,
      ],
    },
  },
  {
    // Brand accounts held by the server. Credentials are an AES-256-GCM envelope (brand/credential-vault.ts)
    // whose key is kept outside the database; access is one row per (account, member); polled items and the
    // posts the server publishes are team records with their own changes.
    version: 2,
    name: 'brand-accounts',
    statements: [
      `CREATE TABLE brand_accounts (
        id TEXT PRIMARY KEY NOT NULL,
        network TEXT NOT NULL,
        service TEXT NOT NULL,
        handle TEXT NOT NULL,
        remote_id TEXT NOT NULL,
        credential TEXT NOT NULL,
        connected_by TEXT NOT NULL REFERENCES members (id),
        connected_at BIGINT NOT NULL,
        removed_at BIGINT,
        version BIGINT NOT NULL
      )`,
      `CREATE TABLE brand_access (
        account_id TEXT NOT NULL REFERENCES brand_accounts (id),
        member_id TEXT NOT NULL REFERENCES members (id),
        access TEXT NOT NULL,
        updated_at BIGINT NOT NULL,
        PRIMARY KEY (account_id, member_id)
      )`,
      `CREATE TABLE brand_items (
        account_id TEXT NOT NULL REFERENCES brand_accounts (id),
        remote_id TEXT NOT NULL,
        column_type TEXT NOT NULL,
        item TEXT NOT NULL,
        seen_at BIGINT NOT NULL,
        PRIMARY KEY (account_id, remote_id, column_type)
      )`,
      `CREATE TABLE brand_posts (
        id TEXT PRIMARY KEY NOT NULL,
        account_id TEXT NOT NULL REFERENCES brand_accounts (id),
        member_id TEXT NOT NULL REFERENCES members (id),
        kind TEXT NOT NULL,
        text TEXT NOT NULL,
        payload TEXT NOT NULL,
        state TEXT NOT NULL,
        remote_id TEXT,
        url TEXT,
        last_error TEXT,
        created_at BIGINT NOT NULL,
        updated_at BIGINT NOT NULL,
        version BIGINT NOT NULL
      )`,
      `CREATE INDEX brand_posts_by_state ON brand_posts (state)`,
    ],
  },
  {
    // Approvals: a policy per brand account (absent: the default policy), and requests whose whole record
    // (the state machine's, src-shared/approvals) is one JSON column beside the columns the lists filter on.
    version: 3,
    name: 'approvals',
    statements: [
      `CREATE TABLE approval_policies (
        account_id TEXT PRIMARY KEY NOT NULL REFERENCES brand_accounts (id),
        policy TEXT NOT NULL,
        updated_by TEXT NOT NULL REFERENCES members (id),
        updated_at BIGINT NOT NULL
      )`,
      `CREATE TABLE approval_requests (
        id TEXT PRIMARY KEY NOT NULL,
        account_id TEXT NOT NULL REFERENCES brand_accounts (id),
        author_id TEXT NOT NULL REFERENCES members (id),
        post_id TEXT,
        state TEXT NOT NULL,
        expires_at BIGINT,
        record TEXT NOT NULL,
        version BIGINT NOT NULL,
        created_at BIGINT NOT NULL
      )`,
      `CREATE INDEX approval_requests_by_state ON approval_requests (state, expires_at)`,
      `CREATE INDEX approval_requests_by_author ON approval_requests (author_id, created_at)`,
      `ALTER TABLE brand_posts ADD COLUMN approval_id TEXT`,
    ],
  },
  {
    // The inquiry desk on the team server: conversations (the columns lists, routing and the SLA ticker filter
    // on, beside the JSON the desk's pure rules read), their messages, internal notes, history, experts,
    // the desk's one settings row and saved replies. Replies go through the brand outbox: a brand post names
    // the conversation it answers.
    version: 4,
    name: 'inquiry-desk',
    statements: [
      `CREATE TABLE desk_conversations (
        id TEXT PRIMARY KEY NOT NULL,
        conv_key TEXT NOT NULL UNIQUE,
        account_id TEXT NOT NULL REFERENCES brand_accounts (id),
        network TEXT NOT NULL,
        contact_id TEXT NOT NULL,
        contact TEXT NOT NULL,
        thread_id TEXT NOT NULL,
        state TEXT NOT NULL,
        owner_id TEXT REFERENCES members (id),
        priority BIGINT NOT NULL,
        reasons TEXT NOT NULL,
        skills TEXT NOT NULL,
        lang TEXT,
        inbound_text TEXT NOT NULL,
        excerpt TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        last_message_at BIGINT NOT NULL,
        snoozed_until BIGINT,
        waiting_since BIGINT,
        clocks TEXT NOT NULL,
        sla_next_at BIGINT,
        sla_checked_at BIGINT NOT NULL,
        version BIGINT NOT NULL
      )`,
      `CREATE INDEX desk_conversations_waiting ON desk_conversations (waiting_since, priority)`,
      `CREATE INDEX desk_conversations_by_owner ON desk_conversations (owner_id, state)`,
      `CREATE INDEX desk_conversations_by_state ON desk_conversations (state, priority, created_at)`,
      `CREATE INDEX desk_conversations_by_contact ON desk_conversations (account_id, contact_id)`,
      `CREATE INDEX desk_conversations_sla ON desk_conversations (sla_next_at)`,
      `CREATE TABLE desk_messages (
        id TEXT PRIMARY KEY NOT NULL,
        conversation_id TEXT NOT NULL REFERENCES desk_conversations (id),
        account_id TEXT NOT NULL,
        direction TEXT NOT NULL,
        status TEXT NOT NULL,
        remote_id TEXT,
        action_ref TEXT,
        data TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        received_at BIGINT NOT NULL
      )`,
      `CREATE INDEX desk_messages_by_conversation ON desk_messages (conversation_id, created_at)`,
      `CREATE INDEX desk_messages_by_remote ON desk_messages (account_id, remote_id)`,
      `CREATE TABLE desk_notes (
        id TEXT PRIMARY KEY NOT NULL,
        conversation_id TEXT NOT NULL REFERENCES desk_conversations (id),
        author_id TEXT NOT NULL REFERENCES members (id),
        text TEXT NOT NULL,
        mentions TEXT NOT NULL,
        created_at BIGINT NOT NULL
      )`,
      `CREATE INDEX desk_notes_by_conversation ON desk_notes (conversation_id, created_at)`,
      // What happened to a conversation (created, assigned, reopened, SLA breaches…), in order.
      `CREATE TABLE desk_events (
        id TEXT PRIMARY KEY NOT NULL,
        conversation_id TEXT NOT NULL REFERENCES desk_conversations (id),
        kind TEXT NOT NULL,
        actor_id TEXT,
        detail TEXT NOT NULL,
        at BIGINT NOT NULL
      )`,
      `CREATE INDEX desk_events_by_conversation ON desk_events (conversation_id, at)`,
      // An expert is a member with a row here. `last_seen_at`: when a feed connection of theirs was last
      // known open (refreshed by every server process while it lasts), so `offline` needs no in-memory state.
      `CREATE TABLE desk_experts (
        member_id TEXT PRIMARY KEY NOT NULL REFERENCES members (id),
        profile TEXT NOT NULL,
        availability TEXT NOT NULL,
        away_reason TEXT,
        last_assigned_at BIGINT,
        recent_assignments TEXT NOT NULL,
        last_seen_at BIGINT,
        version BIGINT NOT NULL
      )`,
      `CREATE TABLE desk_settings (
        id TEXT PRIMARY KEY NOT NULL,
        settings TEXT NOT NULL,
        version BIGINT NOT NULL,
        updated_by TEXT REFERENCES members (id),
        updated_at BIGINT NOT NULL
      )`,
      `CREATE TABLE desk_saved_replies (
        id TEXT PRIMARY KEY NOT NULL,
        title TEXT NOT NULL,
        body_en TEXT NOT NULL,
        body_fr TEXT NOT NULL,
        uses BIGINT NOT NULL,
        version BIGINT NOT NULL,
        updated_at BIGINT NOT NULL
      )`,
      `ALTER TABLE brand_posts ADD COLUMN conversation_id TEXT`,
    ],
  },
];
