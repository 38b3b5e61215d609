// The UI-thread side of the analytics worker: a ListeningSeriesSource whose reads and sums run in the
// worker. Worker failures reject every waiting request with the reason.
import { DEFAULT_DB_NAME } from '../../../db/roost-db.ts';
import type { ListeningSeriesSource, SeriesAnswer } from '../model/listening-loader.ts';
import type { AnalyticsRequest, AnalyticsResponse } from './analytics-protocol.ts';

type Body = AnalyticsRequest extends infer R ? (R extends AnalyticsRequest ? Omit<R, 'id'> : never) : never;

export function createAnalyticsWorker(dbName = DEFAULT_DB_NAME): ListeningSeriesSource & { close(): void } {
  const worker = new Worker(new URL('./analytics-worker.ts', import.meta.url), {
    type: 'module',
    name: 'roost-analytics',
  });
  const pending = new Map<number, { resolve(v: SeriesAnswer | null): void; reject(e: Error): void }>();
  let nextId = 1;
  let closed: string | null = null;
  const failAll = (reason: string) => {
    closed ??= reason;
    for (const [id, p] of pending) {
      pending.delete(id);
      p.reject(new Error(`analytics: ${reason}`));
    }
  };
  worker.addEventListener('message', (event: MessageEvent<AnalyticsResponse>) => {
    const answer = event.data;
    const p = pending.get(answer.id);
    if (!p) return;
    pending.delete(answer.id);
    if (answer.ok) p.resolve(answer.value);
    else p.reject(new Error(`analytics: ${answer.error}`));
  });
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    failAll(`the analytics worker failed (${event.message || 'it could not be loaded'})`);
  });
  const call = (body: Body) => {
    if (closed) return Promise.reject(new Error(`analytics: ${closed}`));
    const id = nextId++;
    return new Promise<SeriesAnswer | null>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ ...body, id } as AnalyticsRequest);
    });
  };
  const opened = call({ op: 'open', dbName });
  opened.catch(() => undefined);
  return {
    async load(request) {
      await opened;
      const answer = await call({ op: 'series', request });
      if (!answer) throw new Error('analytics: the worker answered nothing');
      return answer;
    },
    close() {
      worker.terminate();
      failAll('the analytics worker is closed');
    },
  };
}
