// The archive's module Web Worker: owns the Dexie connection and the search index, answers one message
// per request from the UI thread. Ingested texts are analysed by the text worker, reached over the
// MessageChannel the UI thread hands over first. Started only by createArchive().
import type { ArchiveConnect, ArchiveRequest, ArchiveResponse } from './archive-protocol.ts';
import { ArchiveEngine } from './archive-engine.ts';
import { connectTextAnalyser, type TextAnalyser } from '../ingest/text-analyser.ts';

interface WorkerScope {
  postMessage(message: ArchiveResponse): void;
  addEventListener(
    type: 'message',
    listener: (event: MessageEvent<ArchiveRequest | ArchiveConnect>) => void,
  ): void;
}

const scope = self as unknown as WorkerScope;
let engine: Promise<ArchiveEngine> | null = null;
let analyser: TextAnalyser | null = null;

async function handle(request: ArchiveRequest): Promise<unknown> {
  if (request.op === 'open') {
    if (engine) throw new Error('the archive is already open');
    engine = ArchiveEngine.open(request.dbName, analyser);
    await engine;
    return null;
  }
  if (!engine) throw new Error('the archive was used before it was opened');
  const archive = await engine;
  switch (request.op) {
    case 'ingest':
      return archive.ingest(request.columnKey, request.items).then(() => null);
    case 'loadColumn':
      return archive.loadColumn(request.columnKey, request.limit);
    case 'search':
      return archive.search(request.query);
    case 'setRetention':
      return archive.setRetention(request.policy).then(() => null);
    case 'clearColumn':
      return archive.clearColumn(request.columnKey).then(() => null);
    case 'removeDeleted':
      return archive.removeDeleted(request.posts).then(() => null);
    case 'rebuildListening':
      return archive.rebuildListening();
    case 'whenIdle':
      return archive.whenIdle().then(() => null);
    case 'stats':
      return archive.stats();
  }
}

function answer(request: ArchiveRequest): void {
  // Only the id is kept until the answer: an ingest request's items can go once they are stored.
  const { id } = request;
  // handle() is async, so a synchronous throw inside it also arrives here as a rejection.
  handle(request).then(
    (value) => scope.postMessage({ id, ok: true, value }),
    (error: unknown) =>
      scope.postMessage({
        id,
        ok: false,
        error: error instanceof Error ? error.message : String(error),
      }),
  );
}

scope.addEventListener('message', (event) => {
  const message = event.data;
  if (message.op === 'connect') analyser = connectTextAnalyser(message.port);
  else answer(message);
});
