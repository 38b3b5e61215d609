// The archive's text worker: computes the language and sentiment of ingested items' texts (most of the
// CPU time of an ingest) for the archive worker, whose thread is left with indexing and IndexedDB, so
// both run at once. It only ever sees texts, never whole items.
import type { ArchiveConnect, TextRequest, TextResponse } from './archive-protocol.ts';
import { analyseText } from '../ingest/item-doc.ts';

interface WorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent<ArchiveConnect>) => void): void;
}

function answer(request: TextRequest): TextResponse {
  try {
    if (!Array.isArray(request.texts)) throw new Error('analyse: texts must be an array');
    const analysis = request.texts.map((entry) => {
      const [text, lang] = Array.isArray(entry) ? entry : [];
      if (typeof text !== 'string') throw new Error('analyse: every text must be a string');
      return analyseText({ text, lang: typeof lang === 'string' ? lang : null });
    });
    return { id: request.id, ok: true, analysis };
  } catch (error) {
    return { id: request.id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

(self as unknown as WorkerScope).addEventListener('message', (event) => {
  if (event.data.op !== 'connect') return;
  const port = event.data.port;
  port.onmessage = (message: MessageEvent<TextRequest>) => port.postMessage(answer(message.data));
});
