// The time ports every long-lived service in streams/ receives, so tests drive a simulated clock instead of
// sleeping. Real wiring passes `{ now: Date.now }` and `{ setTimeout, clearTimeout }` from globalThis.
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
