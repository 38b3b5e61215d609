// Schema 6: positions of sources that need no account (RSS/Atom feeds), which poll_cursors cannot hold
// because its rows belong to an account. Without it every feed was fetched in full after each restart.
import type { Migration } from '../migrate.ts';

export const migration006FeedCursors: Migration = {
  version: 6,
  name: 'feed-cursors',
  up(db) {
    db.exec(`
      CREATE TABLE feed_cursors (
        column_key    TEXT PRIMARY KEY,
        cursor        TEXT,
        etag          TEXT,
        last_modified TEXT,
        updated_at    TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
