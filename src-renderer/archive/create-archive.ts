// The UI-thread side of the archive: implements ArchivePort by messaging the archive worker, which answers;
// the text worker, when there is one, is its helper, reached over a MessageChannel set up here. Requests are
// matched to answers by id; worker errors come back as rejected promises with the worker's message.
import type { StreamItem } from '../../src-shared/domain/stream-item.ts';
import { DEFAULT_DB_NAME } from '../db/roost-db.ts';
import type { AnalyticsArchive, ArchiveDiagnostics, ArchivePort } from './archive-port.ts';
import type {
  ArchiveConnect,
  ArchiveRequestBody,
  ArchiveResponse,
  ArchiveResults,
} from './worker/archive-protocol.ts';

export interface CreateArchiveOptions {
  /** IndexedDB database name; tests and benchmarks use their own. */
  readonly dbName?: string;
  /** Whether texts are analysed in a second worker; by default, when the machine has more than two cores. */
  readonly textWorker?: boolean;
}

/**
 * The text worker runs language and sentiment beside the archive worker's indexing and writes. That only
 * pays with a core to spare: with two, IndexedDB's own threads keep both busy during ingest, and the
 * second worker only adds its messages and a second copy of the compiled text code. bench:ingest on two
 * cores, 50,000 items: a median ratio to raw IndexedDB of 0.787 with it (10 runs), 0.82 without (4 runs).
 */
export function wantsTextWorker(cores = globalThis.navigator?.hardwareConcurrency ?? 0): boolean {
  return cores > 2;
}

interface Pending {
  readonly op: string;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

export type AppArchive = ArchivePort & AnalyticsArchive & ArchiveDiagnostics;

export function createArchive(options: CreateArchiveOptions = {}): AppArchive {
  const archiveWorker = new Worker(new URL('./worker/archive-worker.ts', import.meta.url), {
    type: 'module',
    name: 'roost-archive',
  });
  const workers = [archiveWorker];
  if (options.textWorker ?? wantsTextWorker()) {
    const textWorker = new Worker(new URL('./worker/text-worker.ts', import.meta.url), {
      type: 'module',
      name: 'roost-archive-text',
    });
    workers.push(textWorker);
    const channel = new MessageChannel();
    archiveWorker.postMessage({ op: 'connect', port: channel.port1 } satisfies ArchiveConnect, [
      channel.port1,
    ]);
    textWorker.postMessage({ op: 'connect', port: channel.port2 } satisfies ArchiveConnect, [channel.port2]);
  }
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let closedReason: string | null = null;

  const failAll = (reason: string): void => {
    closedReason ??= reason;
    for (const [id, p] of pending) {
      pending.delete(id);
      p.reject(new Error(`archive ${p.op}: ${reason}`));
    }
  };

  archiveWorker.addEventListener('message', (event: MessageEvent<ArchiveResponse>) => {
    const response = event.data;
    const p = pending.get(response.id);
    if (!p) return;
    pending.delete(response.id);
    if (response.ok) p.resolve(response.value);
    else p.reject(new Error(`archive ${p.op}: ${response.error}`));
  });
  for (const worker of workers) {
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      failAll(`the archive worker failed (${event.message || 'it could not be loaded'})`);
    });
    worker.addEventListener('messageerror', () =>
      failAll('a message to the archive worker could not be read'),
    );
  }

  function call<K extends ArchiveRequestBody['op']>(
    body: ArchiveRequestBody & { op: K },
  ): Promise<ArchiveResults[K]> {
    if (closedReason) return Promise.reject(new Error(`archive ${body.op}: ${closedReason}`));
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { op: body.op, resolve: resolve as (v: unknown) => void, reject });
      try {
        archiveWorker.postMessage({ ...body, id });
      } catch (error) {
        pending.delete(id);
        reject(new Error(`archive ${body.op}: could not send the request (${(error as Error).message})`));
      }
    });
  }

  const opened = call({ op: 'open', dbName: options.dbName ?? DEFAULT_DB_NAME });
  // Every later call fails with the open error too; this copy only keeps it from going unhandled.
  opened.catch(() => undefined);
  const after = <T>(request: () => Promise<T>): Promise<T> => opened.then(request);

  return {
    ingest: (columnKey: string, items: readonly StreamItem[]) =>
      after(() => call({ op: 'ingest', columnKey, items })).then(() => undefined),
    loadColumn: (columnKey, limit) => after(() => call({ op: 'loadColumn', columnKey, limit })),
    search: (query) => after(() => call({ op: 'search', query })),
    setRetention: (policy) => after(() => call({ op: 'setRetention', policy })).then(() => undefined),
    clearColumn: (columnKey) => after(() => call({ op: 'clearColumn', columnKey })).then(() => undefined),
    removeDeleted: (posts) => after(() => call({ op: 'removeDeleted', posts })).then(() => undefined),
    rebuildListening: () => after(() => call({ op: 'rebuildListening' })),
    whenIdle: () => after(() => call({ op: 'whenIdle' })).then(() => undefined),
    stats: () => after(() => call({ op: 'stats' })),
    close() {
      for (const worker of workers) worker.terminate();
      failAll('the archive is closed');
    },
  };
}
