// A deterministic simulated clock and timer queue: `advance` jumps from timer to timer, letting promise chains
// settle in between, so a simulated day of polling runs in milliseconds. Shared by the unit tests and bench:poll.
import type { Clock, Timers } from '../../../../src-main/runtime/timing.ts';

interface Scheduled {
  readonly id: number;
  readonly at: number;
  readonly callback: () => void;
}

export interface FakeTime {
  readonly clock: Clock;
  readonly timers: Timers;
  now(): number;
  /** Runs every timer due within `ms`, in order, settling promises after each one. */
  advance(ms: number): Promise<void>;
  /** Lets pending promise chains settle without moving the clock. */
  settle(): Promise<void>;
  /** Timers currently waiting. */
  pending(): number;
}

export function createFakeTime(start = Date.parse('2025-03-01T09:00:00.000Z')): FakeTime {
  let current = start;
  let nextId = 1;
  let queue: Scheduled[] = [];

  const settle = async (): Promise<void> => {
    // A macrotask turn drains the whole microtask queue, including microtasks queued by microtasks.
    for (let i = 0; i < 3; i += 1) await new Promise<void>((resolve) => setImmediate(resolve));
  };

  const timers: Timers = {
    setTimeout(callback, ms) {
      const id = nextId++;
      queue.push({ id, at: current + Math.max(0, ms), callback });
      return id;
    },
    clearTimeout(handle) {
      queue = queue.filter((t) => t.id !== handle);
    },
  };

  return {
    clock: { now: () => current },
    timers,
    now: () => current,
    settle,
    pending: () => queue.length,
    async advance(ms) {
      const target = current + ms;
      await settle();
      for (;;) {
        let first: Scheduled | undefined;
        for (const t of queue) {
          if (
            t.at <= target &&
            (first === undefined || t.at < first.at || (t.at === first.at && t.id < first.id))
          ) {
            first = t;
          }
        }
        if (first === undefined) break;
        const due = first;
        queue = queue.filter((t) => t !== due);
        current = Math.max(current, due.at);
        due.callback();
        await settle();
      }
      current = target;
      await settle();
    },
  };
}

/** A seeded pseudo-random source (mulberry32), so jitter is reproducible. */
export function seededRandom(seed = 42): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
