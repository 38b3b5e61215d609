// Schema 3: the outbox. One row per (post, target account); every state change is written here before the
// network call it guards, with the record key / Idempotency-Key fixed at creation so retries never post twice.
import type { Migration } from '../migrate.ts';

export const migration003Outbox: Migration = {
  version: 3,
  name: 'outbox',
  up(db) {
    // No foreign key to accounts: a removed account's history stays readable, and its pending jobs surface as
    // needing attention instead of vanishing silently.
    db.exec(`
      CREATE TABLE outbox_jobs (
        id                 TEXT PRIMARY KEY,
        batch_id           TEXT NOT NULL,
        draft_id           TEXT,
        account_id         TEXT NOT NULL,
        network            TEXT NOT NULL CHECK (network IN ('bluesky', 'mastodon')),
        state              TEXT NOT NULL CHECK (state IN
                             ('held', 'queued', 'overdue', 'sending', 'sent', 'failed', 'needs_attention', 'cancelled')),
        text               TEXT NOT NULL,
        payload            TEXT NOT NULL,
        digest             TEXT NOT NULL,
        scheduled_at       TEXT,
        hold_until         TEXT,
        scheduled_by       TEXT NOT NULL CHECK (scheduled_by IN ('roost', 'server')),
        due_ms             INTEGER NOT NULL,
        wake_ms            INTEGER,
        attempts           INTEGER NOT NULL DEFAULT 0,
        last_error_code    TEXT,
        last_error_message TEXT,
        rkey               TEXT,
        idempotency_key    TEXT NOT NULL,
        server_schedule_id TEXT,
        remote_id          TEXT,
        url                TEXT,
        campaign           TEXT,
        guard_records      TEXT NOT NULL DEFAULT '[]',
        created_at         TEXT NOT NULL,
        updated_at         TEXT NOT NULL,
        sent_at            TEXT
      ) STRICT;
      CREATE INDEX outbox_jobs_wake ON outbox_jobs (wake_ms) WHERE wake_ms IS NOT NULL;
      CREATE INDEX outbox_jobs_account ON outbox_jobs (account_id, created_at);
      CREATE INDEX outbox_jobs_state ON outbox_jobs (state);
      CREATE UNIQUE INDEX outbox_jobs_rkey ON outbox_jobs (account_id, rkey) WHERE rkey IS NOT NULL;
      CREATE UNIQUE INDEX outbox_jobs_idempotency ON outbox_jobs (idempotency_key);
    `);
  },
};
