// Polls an "is the network up?" probe and reports only changes, so services hear about a dropped or
// restored connection within one interval. Timers are injected: tests drive it with fake timers.

export interface ConnectivityWatchOptions {
  readonly isOnline: () => boolean;
  readonly onChange: (online: boolean) => void;
  /** 5–10 s: fast enough to resume streams promptly, cheap enough to run all day. */
  readonly intervalMs?: number;
  readonly setInterval?: (callback: () => void, ms: number) => unknown;
  readonly clearInterval?: (handle: unknown) => void;
}

export interface ConnectivityWatch {
  /** Probes now (e.g. after resume) instead of waiting for the next tick. */
  check(): void;
  stop(): void;
}

export const DEFAULT_CONNECTIVITY_INTERVAL_MS = 7_000;

export function startConnectivityWatch(options: ConnectivityWatchOptions): ConnectivityWatch {
  const intervalMs = options.intervalMs ?? DEFAULT_CONNECTIVITY_INTERVAL_MS;
  const setTimer = options.setInterval ?? ((callback, ms) => globalThis.setInterval(callback, ms));
  const clearTimer =
    options.clearInterval ?? ((handle) => globalThis.clearInterval(handle as ReturnType<typeof setInterval>));
  let last: boolean | undefined;
  let stopped = false;

  const check = (): void => {
    if (stopped) return;
    const online = options.isOnline();
    if (online === last) return;
    last = online;
    options.onChange(online);
  };

  check();
  const handle = setTimer(check, intervalMs);
  return {
    check,
    stop() {
      stopped = true;
      clearTimer(handle);
    },
  };
}
