// Proves main's one lifecycle: parts start in the order listed and stop in the reverse order, once, and a
// part that fails to start stops the ones already running before the error reaches the caller.
import { describe, expect, it } from 'vitest';
import { startInOrder, stopOnly, type Lifecycle } from '../../../src-main/app/lifecycle.ts';

function recorded(name: string, log: string[], failOnStart = false): Lifecycle {
  return {
    start: () => {
      if (failOnStart) throw new Error(`${name} cannot start`);
      log.push(`start ${name}`);
    },
    stop: async () => {
      await Promise.resolve();
      log.push(`stop ${name}`);
    },
  };
}

describe('startInOrder', () => {
  it('starts in order and stops in reverse order, only once', async () => {
    const log: string[] = [];
    const stop = await startInOrder([
      recorded('store', log),
      recorded('poller', log),
      stopOnly(() => void log.push('stop columns')),
    ]);
    await stop();
    await stop();

    expect(log).toEqual(['start store', 'start poller', 'stop columns', 'stop poller', 'stop store']);
  });

  it('stops what already runs when a later part fails to start', async () => {
    const log: string[] = [];
    await expect(
      startInOrder([recorded('store', log), recorded('poller', log), recorded('outbox', log, true)]),
    ).rejects.toThrow('outbox cannot start');

    expect(log).toEqual(['start store', 'start poller', 'stop poller', 'stop store']);
  });
});
