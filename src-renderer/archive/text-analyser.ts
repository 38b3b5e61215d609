// The archive worker's side of the text worker: sends a batch's texts, resolves with one analysis per
// item, in order. Should the text worker fail, the archive computes the analysis itself (see ingest).
import type { StreamItem } from '../../src-shared/domain/stream-item.ts';
import type { TextRequest, TextResponse } from './archive-protocol.ts';
import type { TextAnalysis } from './item-doc.ts';

export type TextAnalyser = (items: readonly StreamItem[]) => Promise<readonly TextAnalysis[]>;

export function connectTextAnalyser(port: MessagePort): TextAnalyser {
  const pending = new Map<number, { resolve(a: readonly TextAnalysis[]): void; reject(e: Error): void }>();
  let nextId = 1;
  port.onmessage = (event: MessageEvent<TextResponse>) => {
    const response = event.data;
    const waiter = pending.get(response.id);
    if (!waiter) return;
    pending.delete(response.id);
    if (response.ok) waiter.resolve(response.analysis);
    else waiter.reject(new Error(`text analysis: ${response.error}`));
  };
  return (items) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      const texts = items.map((item) => [item.text, item.lang ?? null] as const);
      port.postMessage({ id, texts } satisfies TextRequest);
    });
}
