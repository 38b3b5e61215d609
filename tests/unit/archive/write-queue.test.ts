// The archive's write queue: batches keep their place in line while their texts are still being analysed,
// and the next batch is prepared while the previous one commits.
import { describe, expect, test } from 'vitest';
import { WriteQueue } from '../../../src-renderer/archive/ingest/write-queue.ts';

function deferred(): { promise: Promise<void>; resolve(): void; reject(e: Error): void } {
  let resolve!: () => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function recordingQueue(commitGate?: Promise<void>) {
  const log: string[] = [];
  const queue = new WriteQueue<string, string>({
    prepare: (batch) => {
      log.push(`prepare ${batch}`);
      return batch;
    },
    commit: async (prepared) => {
      log.push(`commit ${prepared}`);
      if (commitGate) await commitGate;
      log.push(`committed ${prepared}`);
    },
    recover: async () => {
      log.push('recover');
    },
    onIdle: () => log.push('idle'),
  });
  return { queue, log };
}

describe('WriteQueue', () => {
  test('a batch waiting for its analysis still runs before a write queued after it', async () => {
    const { queue, log } = recordingQueue();
    const analysis = deferred();
    const ingested = queue.ingest('a', analysis.promise);
    const op = queue.run(async () => {
      log.push('op');
    });
    await new Promise((r) => setTimeout(r, 5));
    expect(log).toEqual([]);
    analysis.resolve();
    await Promise.all([ingested, op]);
    expect(log).toEqual(['prepare a', 'commit a', 'committed a', 'op', 'idle']);
  });

  test('a failed analysis only means the batch is prepared without it', async () => {
    const { queue, log } = recordingQueue();
    const analysis = deferred();
    const ingested = queue.ingest('a', analysis.promise);
    analysis.reject(new Error('text worker gone'));
    await ingested;
    expect(log).toEqual(['prepare a', 'commit a', 'committed a', 'idle']);
  });

  test('the next batch is prepared while the previous one commits, once it is ready', async () => {
    const gate = deferred();
    const { queue, log } = recordingQueue(gate.promise);
    const second = deferred();
    const both = Promise.all([queue.ingest('a'), queue.ingest('b', second.promise)]);
    await new Promise((r) => setTimeout(r, 5));
    expect(log).toEqual(['prepare a', 'commit a']);
    second.resolve();
    await new Promise((r) => setTimeout(r, 5));
    expect(log).toEqual(['prepare a', 'commit a', 'prepare b']);
    gate.resolve();
    await both;
    expect(log).toEqual([
      'prepare a',
      'commit a',
      'prepare b',
      'committed a',
      'commit b',
      'committed b',
      'idle',
    ]);
  });

  test('a failed commit recovers and rejects only that batch', async () => {
    const log: string[] = [];
    const queue = new WriteQueue<string, string>({
      prepare: (batch) => batch,
      commit: async (batch) => {
        if (batch === 'bad') throw new Error('quota exceeded');
        log.push(`committed ${batch}`);
      },
      recover: async () => {
        log.push('recover');
      },
      onIdle: () => undefined,
    });
    const results = await Promise.allSettled([queue.ingest('bad'), queue.ingest('good')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled']);
    expect(log).toEqual(['recover', 'committed good']);
  });
});
