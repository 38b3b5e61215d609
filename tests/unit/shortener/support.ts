// Helpers for the shortener tests: timers that fire only when told (timeouts without sleeping) and a way
// to read a RoostError's code from a rejected promise.
import { RoostError } from '../../../src-shared/contract/errors.ts';
import type { Timers } from '../../../src-main/runtime/timing.ts';

export interface ManualTimers extends Timers {
  /** Runs every pending timer, as if their delay had passed. */
  fireAll(): void;
  pending(): number;
}

export function manualTimers(): ManualTimers {
  const timers = new Map<number, () => void>();
  let next = 1;
  return {
    setTimeout(fn) {
      const id = next++;
      timers.set(id, fn);
      return id;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
    fireAll() {
      const due = [...timers.values()];
      timers.clear();
      for (const fn of due) fn();
    },
    pending: () => timers.size,
  };
}

export async function failure(promise: Promise<unknown>): Promise<RoostError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof RoostError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

/** A loopback address nothing listens on: the connection is refused at once. */
export const REFUSING_ORIGIN = 'http://127.0.0.1:9';
