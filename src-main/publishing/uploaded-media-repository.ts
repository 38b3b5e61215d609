// Mastodon media already uploaded for an outbox job: the only code touching the `uploaded_media` table.
import type { MainStore } from '../store/main-store.ts';

export interface UploadedMedia {
  /** Index of the attachment in the job's post. */
  readonly position: number;
  /** Roost's own id of the file (the media store's). */
  readonly mediaId: string;
  /** The id the server gave the upload. */
  readonly remoteId: string;
}

export interface UploadedMediaRepository {
  forJob(jobId: string): UploadedMedia[];
  remember(jobId: string, upload: UploadedMedia): void;
  forget(jobId: string): void;
}

/** Servers drop unattached uploads after about a day; rows far older than that can name nothing any more. */
const KEEP_MS = 7 * 24 * 60 * 60 * 1000;

export function createUploadedMediaRepository(
  store: MainStore,
  options: { readonly now?: () => number } = {},
): UploadedMediaRepository {
  const now = options.now ?? Date.now;
  const selectStmt = store.db.prepare(
    'SELECT position, media_id, remote_id FROM uploaded_media WHERE job_id = ? ORDER BY position',
  );
  const upsertStmt = store.db.prepare(
    `INSERT INTO uploaded_media (job_id, position, media_id, remote_id, uploaded_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (job_id, position) DO UPDATE SET media_id = excluded.media_id,
       remote_id = excluded.remote_id, uploaded_at = excluded.uploaded_at`,
  );
  const pruneStmt = store.db.prepare('DELETE FROM uploaded_media WHERE uploaded_at < ?');
  const forgetStmt = store.db.prepare('DELETE FROM uploaded_media WHERE job_id = ?');
  return {
    forJob(jobId) {
      return selectStmt.all(jobId).map((row) => ({
        position: Number(row['position']),
        mediaId: String(row['media_id']),
        remoteId: String(row['remote_id']),
      }));
    },
    remember(jobId, upload) {
      const at = now();
      store.transaction(() => {
        pruneStmt.run(new Date(at - KEEP_MS).toISOString());
        upsertStmt.run(jobId, upload.position, upload.mediaId, upload.remoteId, new Date(at).toISOString());
      });
    },
    forget(jobId) {
      forgetStmt.run(jobId);
    },
  };
}
