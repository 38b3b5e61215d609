// Schema 8: which local attachment of an outbox job was uploaded to Mastodon as which media id, so a retry
// after an ambiguous failure attaches the files already on the server instead of uploading them again.
import type { Migration } from '../migrate.ts';

export const migration008UploadedMedia: Migration = {
  version: 8,
  name: 'uploaded-media',
  up(db) {
    // Its own table rather than a column of outbox_jobs: the upload is recorded mid-send by the gateway,
    // while the engine rewrites whole job rows; separate rows cannot be overwritten by a stale job copy.
    db.exec(`
      CREATE TABLE uploaded_media (
        job_id      TEXT NOT NULL,
        position    INTEGER NOT NULL CHECK (position >= 0),
        media_id    TEXT NOT NULL,
        remote_id   TEXT NOT NULL,
        uploaded_at TEXT NOT NULL,
        PRIMARY KEY (job_id, position)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX uploaded_media_by_time ON uploaded_media (uploaded_at);
    `);
  },
};
