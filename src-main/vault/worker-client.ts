// Main-side client of the keychain worker: request ids, a hard timeout per call, and kill + respawn of a worker
// that stops answering. An AbortSignal cannot interrupt a native keyring call; killing its process can.
import type { KeychainFailure } from './keychain.ts';
import { isWorkerResponse } from './keychain-protocol.ts';
import type { WorkerOp, WorkerRequest, WorkerResult, WorkerResults } from './keychain-protocol.ts';
import { systemTimers, type Timers } from '../runtime/timing.ts';

/** One running worker process, as the client sees it. */
export interface WorkerChannel {
  send(message: WorkerRequest): void;
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: (reason: string) => void): void;
  /** Must end the process even when it is stuck in a native call (SIGKILL). */
  kill(): void;
  /** Whether an idle worker keeps the main process alive. */
  setKeepAlive(keepAlive: boolean): void;
}

export type LaunchWorker = () => WorkerChannel;

export interface WorkerClientOptions {
  readonly launch: LaunchWorker;
  readonly timeoutMs: number;
  readonly timers?: Timers;
}

export interface WorkerClient {
  call<O extends WorkerOp>(request: O): Promise<WorkerResults[O['op']]>;
  stop(): void;
}

interface Pending {
  readonly resolve: (result: WorkerResult) => void;
  readonly timer: unknown;
}

export function createWorkerClient(options: WorkerClientOptions): WorkerClient {
  const timers = options.timers ?? systemTimers;
  const pending = new Map<number, Pending>();
  let worker: WorkerChannel | null = null;
  let nextId = 1;
  let stopped = false;

  function settle(id: number, result: WorkerResult): void {
    const entry = pending.get(id);
    if (!entry) return;
    pending.delete(id);
    timers.clearTimeout(entry.timer);
    entry.resolve(result);
    if (pending.size === 0) worker?.setKeepAlive(false);
  }

  function settleAll(result: WorkerResult): void {
    for (const id of [...pending.keys()]) settle(id, result);
  }

  /** Forgets the current worker; whatever it still owed is answered with `result`. */
  function discard(result: KeychainFailure): void {
    const current = worker;
    worker = null;
    current?.kill();
    settleAll(result);
  }

  function ensureWorker(): WorkerChannel {
    if (worker) return worker;
    const started = options.launch();
    worker = started;
    started.onMessage((message) => {
      if (worker !== started || !isWorkerResponse(message)) return;
      settle(message.id, message.result);
    });
    started.onExit((reason) => {
      // A worker killed after a timeout exits later; its replacement may already be serving calls.
      if (worker !== started) return;
      worker = null;
      settleAll({ state: 'unavailable', detail: `keychain worker stopped (${reason})` });
    });
    return started;
  }

  return {
    call<O extends WorkerOp>(request: O): Promise<WorkerResults[O['op']]> {
      if (stopped)
        return Promise.resolve({
          state: 'unavailable',
          detail: 'keychain stopped',
        } as WorkerResults[O['op']]);
      return new Promise<WorkerResults[O['op']]>((resolve) => {
        const id = nextId++;
        let channel: WorkerChannel;
        try {
          channel = ensureWorker();
        } catch {
          resolve({
            state: 'unavailable',
            detail: 'keychain worker could not start',
          } as WorkerResults[O['op']]);
          return;
        }
        const timer = timers.setTimeout(() => {
          if (!pending.has(id)) return;
          // The worker is stuck (every call shares it): kill it, fail what it owed, start afresh on the next call.
          discard({ state: 'timed_out' });
        }, options.timeoutMs);
        pending.set(id, { resolve: resolve as (result: WorkerResult) => void, timer });
        channel.setKeepAlive(true);
        try {
          channel.send({ id, request });
        } catch {
          discard({ state: 'unavailable', detail: 'keychain worker is not reachable' });
        }
      });
    },

    stop() {
      stopped = true;
      discard({ state: 'unavailable', detail: 'keychain stopped' });
    },
  };
}
