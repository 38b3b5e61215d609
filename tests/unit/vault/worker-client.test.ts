// The worker client with a scripted worker and hand-driven timers: id routing, timeouts, respawn, exits, stop.
import { describe, expect, it } from 'vitest';
import type { WorkerRequest } from '../../../src-main/vault/keychain-protocol.ts';
import { createWorkerClient } from '../../../src-main/vault/worker-client.ts';
import type { WorkerChannel } from '../../../src-main/vault/worker-client.ts';
import type { Timers } from '../../../src-main/runtime/timing.ts';

class FakeWorker implements WorkerChannel {
  readonly sent: WorkerRequest[] = [];
  killed = false;
  keepAlive = false;
  private messageListeners: ((message: unknown) => void)[] = [];
  private exitListeners: ((reason: string) => void)[] = [];
  send(message: WorkerRequest) {
    this.sent.push(message);
  }
  onMessage(listener: (message: unknown) => void) {
    this.messageListeners.push(listener);
  }
  onExit(listener: (reason: string) => void) {
    this.exitListeners.push(listener);
  }
  kill() {
    this.killed = true;
  }
  setKeepAlive(keepAlive: boolean) {
    this.keepAlive = keepAlive;
  }
  reply(message: unknown) {
    for (const listener of this.messageListeners) listener(message);
  }
  exit(reason: string) {
    for (const listener of this.exitListeners) listener(reason);
  }
}

function manualTimers() {
  const due = new Map<number, () => void>();
  let next = 1;
  const timers: Timers = {
    setTimeout(callback) {
      const handle = next++;
      due.set(handle, callback);
      return handle;
    },
    clearTimeout(handle) {
      due.delete(handle as number);
    },
  };
  const fireAll = () => {
    for (const [handle, callback] of [...due]) {
      due.delete(handle);
      callback();
    }
  };
  return { timers, fireAll, pending: () => due.size };
}

function setup() {
  const workers: FakeWorker[] = [];
  const clock = manualTimers();
  const client = createWorkerClient({
    launch: () => {
      const worker = new FakeWorker();
      workers.push(worker);
      return worker;
    },
    timeoutMs: 5_000,
    timers: clock.timers,
  });
  return { client, workers, clock };
}

describe('worker client', () => {
  it('routes answers to their calls by id, in any order', async () => {
    const { client, workers, clock } = setup();
    const first = client.call({ op: 'get', service: 's', account: 'a' });
    const second = client.call({ op: 'get', service: 's', account: 'b' });
    const worker = workers[0]!;
    expect(worker.keepAlive).toBe(true);
    const [a, b] = worker.sent;
    worker.reply({ id: b!.id, result: { state: 'not_stored' } });
    worker.reply({ id: a!.id, result: { state: 'stored', value: 'va' } });
    worker.reply({ bogus: true });
    expect(await first).toEqual({ state: 'stored', value: 'va' });
    expect(await second).toEqual({ state: 'not_stored' });
    expect(clock.pending()).toBe(0);
    expect(worker.keepAlive).toBe(false);
    expect(workers).toHaveLength(1);
  });

  it('times out every call owed by a stuck worker, kills it and starts a new one for the next call', async () => {
    const { client, workers, clock } = setup();
    const calls = [client.call({ op: 'find', service: 's' }), client.call({ op: 'status', service: 'p' })];
    clock.fireAll();
    expect(await Promise.all(calls)).toEqual([{ state: 'timed_out' }, { state: 'timed_out' }]);
    expect(workers[0]!.killed).toBe(true);

    const next = client.call({ op: 'get', service: 's', account: 'a' });
    expect(workers).toHaveLength(2);
    // The killed worker's late answer and exit must not touch the new worker's calls.
    workers[0]!.reply({ id: workers[1]!.sent[0]!.id, result: { state: 'locked' } });
    workers[0]!.exit('SIGKILL');
    workers[1]!.reply({ id: workers[1]!.sent[0]!.id, result: { state: 'not_stored' } });
    expect(await next).toEqual({ state: 'not_stored' });
  });

  it('answers unavailable when the worker exits with calls in flight, then respawns', async () => {
    const { client, workers } = setup();
    const call = client.call({ op: 'set', service: 's', account: 'a', password: 'p' });
    workers[0]!.exit('exit code 1');
    expect(await call).toEqual({ state: 'unavailable', detail: 'keychain worker stopped (exit code 1)' });
    void client.call({ op: 'get', service: 's', account: 'a' });
    expect(workers).toHaveLength(2);
  });

  it('answers unavailable when the worker cannot be reached or started', async () => {
    const clock = manualTimers();
    const broken = createWorkerClient({
      launch: () => {
        throw new Error('spawn failed');
      },
      timeoutMs: 1,
      timers: clock.timers,
    });
    expect(await broken.call({ op: 'status', service: 'p' })).toEqual({
      state: 'unavailable',
      detail: 'keychain worker could not start',
    });

    const worker = new FakeWorker();
    worker.send = () => {
      throw new Error('channel closed');
    };
    const unreachable = createWorkerClient({ launch: () => worker, timeoutMs: 1, timers: clock.timers });
    expect(await unreachable.call({ op: 'status', service: 'p' })).toEqual({
      state: 'unavailable',
      detail: 'keychain worker is not reachable',
    });
    expect(worker.killed).toBe(true);
  });

  it('stop() kills the worker, fails pending calls and refuses new ones', async () => {
    const { client, workers } = setup();
    const call = client.call({ op: 'get', service: 's', account: 'a' });
    client.stop();
    expect(await call).toEqual({ state: 'unavailable', detail: 'keychain stopped' });
    expect(workers[0]!.killed).toBe(true);
    expect(await client.call({ op: 'get', service: 's', account: 'a' })).toEqual({
      state: 'unavailable',
      detail: 'keychain stopped',
    });
    expect(workers).toHaveLength(1);
  });
});
