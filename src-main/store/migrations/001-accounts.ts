// Schema 1: the account registry, so main knows which accounts exist (and which are protected brand accounts)
// even with no window open. Secrets never go here: they live in the OS keychain, keyed by account id.
import type { Migration } from '../migrate.ts';

export const migration001Accounts: Migration = {
  version: 1,
  name: 'accounts',
  up(db) {
    // network and status are validated by the repository (zod), not by CHECK constraints: SQLite cannot alter a
    // CHECK without rebuilding the table, and both lists are expected to grow.
    db.exec(`
      CREATE TABLE accounts (
        id           TEXT PRIMARY KEY NOT NULL,
        network      TEXT NOT NULL,
        service      TEXT NOT NULL,
        remote_id    TEXT NOT NULL,
        handle       TEXT NOT NULL,
        display_name TEXT NOT NULL,
        avatar_url   TEXT,
        status       TEXT NOT NULL,
        protected    INTEGER NOT NULL DEFAULT 0 CHECK (protected IN (0, 1)),
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL,
        UNIQUE (network, remote_id)
      ) STRICT;
      CREATE INDEX accounts_by_created_at ON accounts (created_at);
    `);
  },
};
