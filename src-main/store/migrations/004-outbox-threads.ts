// Schema 4: threads in the outbox. A thread is an ordered chain of jobs per target account (thread_id names
// the chain, thread_index the position); each job's Bluesky CID is kept so the next post can reply to it.
import type { Migration } from '../migrate.ts';

export const migration004OutboxThreads: Migration = {
  version: 4,
  name: 'outbox-threads',
  up(db) {
    // Existing rows are single posts: no thread, position 0, and no CID (none of them is replied to by Roost).
    db.exec(`
      ALTER TABLE outbox_jobs ADD COLUMN thread_id TEXT;
      ALTER TABLE outbox_jobs ADD COLUMN thread_index INTEGER NOT NULL DEFAULT 0 CHECK (thread_index >= 0);
      ALTER TABLE outbox_jobs ADD COLUMN remote_cid TEXT;
      CREATE UNIQUE INDEX outbox_jobs_thread ON outbox_jobs (thread_id, thread_index) WHERE thread_id IS NOT NULL;
    `);
  },
};
