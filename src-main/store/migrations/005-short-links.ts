// Schema 5: the link shortener. Its settings (provider and server address; the key lives in the keychain)
// and the short links Roost created, so their clicks can be counted later without trusting the renderer.
import type { Migration } from '../migrate.ts';

export const migration005ShortLinks: Migration = {
  version: 5,
  name: 'short-links',
  up(db) {
    db.exec(`
      CREATE TABLE shortener_settings (
        id             INTEGER PRIMARY KEY CHECK (id = 1),
        provider       TEXT NOT NULL,
        base_url       TEXT NOT NULL,
        allow_mastodon INTEGER NOT NULL DEFAULT 0 CHECK (allow_mastodon IN (0, 1)),
        updated_at     TEXT NOT NULL
      ) STRICT;
      CREATE TABLE short_links (
        base_url          TEXT NOT NULL,
        code              TEXT NOT NULL,
        provider          TEXT NOT NULL,
        short_url         TEXT NOT NULL,
        long_url          TEXT NOT NULL,
        clicks            INTEGER CHECK (clicks IS NULL OR clicks >= 0),
        clicks_checked_at TEXT,
        created_at        TEXT NOT NULL,
        PRIMARY KEY (base_url, code)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX short_links_long_url ON short_links (base_url, long_url);
      CREATE INDEX short_links_created_at ON short_links (created_at);
    `);
  },
};
