// Schema 2: where each polled column stopped (cursor, ETag, Last-Modified), so polling resumes after a restart
// without refetching or missing items. Cursors die with their account.
import type { Migration } from '../migrate.ts';

export const migration002PollCursors: Migration = {
  version: 2,
  name: 'poll-cursors',
  up(db) {
    db.exec(`
      CREATE TABLE poll_cursors (
        account_id    TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        column_key    TEXT NOT NULL,
        cursor        TEXT,
        etag          TEXT,
        last_modified TEXT,
        updated_at    TEXT NOT NULL,
        PRIMARY KEY (account_id, column_key)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
