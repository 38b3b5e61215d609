// The archive worker's side of the text worker: sends a batch's texts, resolves with one analysis per
// item, in order. Should the text worker fail, the archive computes the analysis itself (see ingest).
import type { StreamItem } from '../../../src-shared/domain/stream-item.ts';
import type { TextRequest, TextResponse } from '../worker/archive-protocol.ts';
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

/** The texts' analysis from the text worker; null (the archive then computes it) when absent or failed. */
export function analyseOrNull(
  analyse: TextAnalyser | null,
  items: readonly StreamItem[],
): Promise<readonly TextAnalysis[] | null> {
  if (!analyse || items.length === 0) return Promise.resolve(null);
  return analyse(items).then(
    (analysis) => (Array.isArray(analysis) && analysis.length === items.length ? analysis : null),
    (error: unknown) => {
      console.error('archive: analysing texts in the text worker failed; analysing them here', error);
      return null;
    },
  );
}
