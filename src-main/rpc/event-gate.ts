// Holds main → renderer events until the page says it is ready (the `app:ready` request), so nothing is
// sent to a page that has not subscribed yet; closes again when the page reloads.

export interface EventGateOptions {
  /** Oldest events are dropped beyond this, so a page that never becomes ready cannot grow main's memory. */
  readonly maxQueued?: number;
}

export interface EventGate<T> {
  /** Delivers now when open, otherwise queues. */
  push(item: T): void;
  /** Flushes the queue in order and delivers from now on; returns how many queued events were flushed. */
  open(): number;
  /** Queues again (the page is navigating or reloading). */
  close(): void;
  readonly isOpen: boolean;
  readonly queued: number;
  /** Events dropped because the queue was full, since the gate was created. */
  readonly dropped: number;
}

export const DEFAULT_MAX_QUEUED = 1000;

export function createEventGate<T>(deliver: (item: T) => void, options: EventGateOptions = {}): EventGate<T> {
  const maxQueued = options.maxQueued ?? DEFAULT_MAX_QUEUED;
  if (!Number.isInteger(maxQueued) || maxQueued < 1)
    throw new RangeError('maxQueued must be a positive integer');
  let queue: T[] = [];
  let isOpen = false;
  let dropped = 0;
  return {
    push(item) {
      if (isOpen) {
        deliver(item);
        return;
      }
      queue.push(item);
      if (queue.length > maxQueued) {
        queue.shift();
        dropped += 1;
      }
    },
    open() {
      // Stays closed while flushing, so an event pushed by a delivery is queued behind the rest, not ahead.
      let flushed = 0;
      while (queue.length > 0) {
        const pending = queue;
        queue = [];
        for (const item of pending) deliver(item);
        flushed += pending.length;
      }
      isOpen = true;
      return flushed;
    },
    close() {
      isOpen = false;
    },
    get isOpen() {
      return isOpen;
    },
    get queued() {
      return queue.length;
    },
    get dropped() {
      return dropped;
    },
  };
}
