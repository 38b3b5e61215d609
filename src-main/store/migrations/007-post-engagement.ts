// Schema 7: the last engagement count read back for each sent post, so best-time suggestions come from the
// account's own history without asking the network again on every look at the composer.
import type { Migration } from '../migrate.ts';

export const migration007PostEngagement: Migration = {
  version: 7,
  name: 'post-engagement',
  up(db) {
    // Keyed by outbox job: one row per post Roost sent. No foreign key to outbox_jobs or accounts, like the
    // outbox itself: history stays readable after an account is removed. `engagement` is NULL when the post was
    // absent at the last read (deleted, or not yet indexed), which keeps it out of the suggestions.
    db.exec(`
      CREATE TABLE post_engagement (
        job_id      TEXT PRIMARY KEY,
        account_id  TEXT NOT NULL,
        remote_id   TEXT NOT NULL,
        sent_ms     INTEGER NOT NULL,
        engagement  INTEGER CHECK (engagement IS NULL OR engagement >= 0),
        fetched_ms  INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX post_engagement_account ON post_engagement (account_id, sent_ms);
    `);
  },
};
