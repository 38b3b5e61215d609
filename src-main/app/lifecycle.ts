// The one lifecycle every long-lived part of main follows: started in the order listed, stopped in the
// reverse order, so nothing stops before what still depends on it (the store closes last).
export interface Lifecycle {
  /** Starts timers or background work; must not wait for the network. */
  start(): void;
  /** Stops every timer and handle the part owns; may wait for work in flight. */
  stop(): void | Promise<void>;
}

/** A part with nothing to start, only something to release. */
export function stopOnly(stop: () => void | Promise<void>): Lifecycle {
  return { start: () => undefined, stop };
}

/** Starts each part in order; a part that fails to start stops those already running before the error surfaces. */
export async function startInOrder(parts: readonly Lifecycle[]): Promise<() => Promise<void>> {
  const running: Lifecycle[] = [];
  const stopAll = async (): Promise<void> => {
    while (running.length > 0) await running.pop()?.stop();
  };
  try {
    for (const part of parts) {
      part.start();
      running.push(part);
    }
  } catch (error) {
    await stopAll();
    throw error;
  }
  return stopAll;
}
