// Schema 10: brand protection — the hijack alerts raised for connected accounts (kept until acknowledged and
// after, as a record), and per account the baseline its own feed and profile are compared with.
import type { Migration } from '../migrate.ts';

export const migration010Protection: Migration = {
  version: 10,
  name: 'protection',
  up(db) {
    // `dedupe` makes raising the same finding twice (two checks racing, a restart mid-check) a no-op.
    db.exec(`
      CREATE TABLE protection_alerts (
        id              TEXT PRIMARY KEY,
        dedupe          TEXT NOT NULL UNIQUE,
        account_id      TEXT NOT NULL,
        detected_at     INTEGER NOT NULL,
        acknowledged_at INTEGER,
        data            TEXT NOT NULL
      ) STRICT;
      CREATE INDEX protection_alerts_by_time ON protection_alerts (detected_at DESC);

      CREATE TABLE protection_baselines (
        account_id TEXT PRIMARY KEY,
        mark       TEXT,
        feed       TEXT NOT NULL,
        profile    TEXT NOT NULL,
        checked_at INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
