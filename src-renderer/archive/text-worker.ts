// The archive's text worker: checks ingested items and computes their language and sentiment (most of
// the CPU time of an ingest), then passes every request on, in arrival order, to the archive worker. The
// archive worker's thread is left with indexing and IndexedDB, so both run at once.
import type { ArchiveConnect, ArchiveRequest, ArchiveResponse } from './archive-protocol.ts';
import { analyseText, checkItem } from './item-doc.ts';

interface WorkerScope {
  postMessage(message: ArchiveResponse): void;
  addEventListener(
    type: 'message',
    listener: (event: MessageEvent<ArchiveRequest | ArchiveConnect>) => void,
  ): void;
}

const scope = self as unknown as WorkerScope;
let archive: MessagePort | null = null;
/** Requests that arrived before the channel; the UI thread sends the channel first, so normally none. */
const waiting: ArchiveRequest[] = [];

function forward(request: ArchiveRequest): void {
  if (!archive) {
    waiting.push(request);
    return;
  }
  if (request.op !== 'ingest') {
    archive.postMessage(request);
    return;
  }
  try {
    if (!Array.isArray(request.items)) throw new Error('ingest: items must be an array');
    const analysis = request.items.map((item, i) => analyseText(checkItem(item, i)));
    archive.postMessage({ ...request, analysis });
  } catch (error) {
    scope.postMessage({
      id: request.id,
      ok: false,
      error: error instanceof Error ? error.message : String(error),
    });
  }
}

scope.addEventListener('message', (event) => {
  const message = event.data;
  if (message.op === 'connect') {
    archive = message.port;
    for (const request of waiting.splice(0)) forward(request);
    return;
  }
  forward(message);
});
