// The time ports every long-lived service in main receives (poller, streaming, outbox, keychain worker,
// shortener calls), so tests drive a simulated clock instead of sleeping. Real wiring passes the system
// ports below. The one timers interface of src-main: nothing else defines its own.
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** A uniform random number in [0, 1), injected so jitter is reproducible in tests. */
export type Random = () => number;

export const systemClock: Clock = { now: () => Date.now() };

export const systemTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Timers that do not keep the process alive: for housekeeping that must never delay a clean exit. */
export const backgroundTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms).unref(),
  clearTimeout: systemTimers.clearTimeout,
};

export const systemRandom: Random = () => Math.random();

/** Resolves after `ms` on the injected timers; rejects with the signal's reason when aborted first. */
export function delay(timers: Timers, ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const onAbort = (): void => {
      timers.clearTimeout(handle);
      reject(signal?.reason as Error);
    };
    const handle = timers.setTimeout(
      () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      },
      Math.max(0, ms),
    );
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
