// Stands in for the archive where none is available (no worker, no IndexedDB): columns still work live,
// but nothing is kept across restarts and search finds nothing.
import type { ArchivePort } from '../../../archive/archive-port.ts';

export function createTransientArchive(): ArchivePort {
  return {
    ingest: async () => undefined,
    loadColumn: async () => [],
    search: async () => [],
    setRetention: async () => undefined,
    clearColumn: async () => undefined,
    close: () => undefined,
  };
}
