// Holds main → renderer events until the page says it is ready, so nothing pushed during start-up is lost.
export interface EventGate<T> {
  push(item: T): void;
  /** Opens the gate and returns how many queued items were flushed. */
  open(): number;
  readonly isOpen: boolean;
}

export function createEventGate<T>(deliver: (item: T) => void, maxQueued = 1000): EventGate<T> {
  let queue: T[] = [];
  let opened = false;
  return {
    push(item) {
      if (opened) return deliver(item);
      queue.push(item);
      // A page that never becomes ready must not make main grow without bound: keep the newest.
      if (queue.length > maxQueued) queue = queue.slice(queue.length - maxQueued);
    },
    open() {
      if (opened) return 0;
      opened = true;
      const flushed = queue;
      queue = [];
      for (const item of flushed) deliver(item);
      return flushed.length;
    },
    get isOpen() {
      return opened;
    },
  };
}
