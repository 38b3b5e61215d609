// A bounded memory of the item keys a column was recently given, so a streamed item the poller already
// delivered (or a repeat on a reconnect) is not emitted twice. Oldest keys are forgotten first.
export interface RecentKeys {
  has(key: string): boolean;
  add(key: string): void;
  readonly size: number;
}

export function createRecentKeys(limit: number): RecentKeys {
  // A Set iterates in insertion order, which makes it a cheap FIFO.
  const keys = new Set<string>();
  return {
    has: (key) => keys.has(key),
    add(key) {
      keys.delete(key);
      keys.add(key);
      while (keys.size > limit) {
        const oldest = keys.values().next();
        if (oldest.done) break;
        keys.delete(oldest.value);
      }
    },
    get size() {
      return keys.size;
    },
  };
}
