// The analytics module Web Worker: its own read-only use of the database, so reading a year of day rows
// and summing them into chart series never blocks the UI thread (nor waits behind the archive worker's
// ingest). Started by createAnalyticsWorker().
import { openRoostDb } from '../../../db/roost-db.ts';
import { createListeningLoader, type ListeningSeriesSource } from '../model/listening-loader.ts';
import type { AnalyticsRequest, AnalyticsResponse } from './analytics-protocol.ts';

interface WorkerScope {
  postMessage(message: AnalyticsResponse): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<AnalyticsRequest>) => void): void;
}

const scope = self as unknown as WorkerScope;
let loader: Promise<ListeningSeriesSource> | null = null;

async function handle(request: AnalyticsRequest) {
  if (request.op === 'open') {
    // Not observable: this side only reads, and nobody here listens for changes.
    loader ??= openRoostDb({ name: request.dbName, observable: false }).then(createListeningLoader);
    await loader;
    return null;
  }
  if (!loader) throw new Error('the analytics worker was used before it was opened');
  return (await loader).load(request.request);
}

scope.addEventListener('message', (event) => {
  const request = event.data;
  handle(request).then(
    (value) => scope.postMessage({ id: request.id, ok: true, value }),
    (error: unknown) =>
      scope.postMessage({
        id: request.id,
        ok: false,
        error: error instanceof Error ? error.message : String(error),
      }),
  );
});
