// An ArchivePort double that records the retention policies it is given. The deck's other calls are not
// part of what these tests check, so they are refused rather than faked.
import type { ArchivePort, RetentionPolicy } from '../../../../src-renderer/archive/archive-port.ts';

export interface RecordingArchive extends ArchivePort {
  readonly policies: RetentionPolicy[];
  /** Makes the next setRetention call reject, as a failed archive worker would. */
  failNext(): void;
}

export function createRecordingArchive(): RecordingArchive {
  const policies: RetentionPolicy[] = [];
  let fail = false;
  const refused = (method: string) => () => Promise.reject(new Error(`${method} is not part of this double`));
  return {
    policies,
    failNext: () => {
      fail = true;
    },
    async setRetention(policy) {
      if (fail) {
        fail = false;
        throw new Error('the archive worker failed');
      }
      policies.push({ ...policy });
    },
    ingest: refused('ingest'),
    loadColumn: refused('loadColumn'),
    search: refused('search'),
    clearColumn: refused('clearColumn'),
    removeDeleted: refused('removeDeleted'),
    close: () => undefined,
  };
}
