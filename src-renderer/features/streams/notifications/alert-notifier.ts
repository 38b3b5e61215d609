// Desktop notifications for alert columns: arrivals are grouped into one notification per column per burst
// and each column notifies at most once per interval, so a busy column cannot flood the desktop.
export interface NotificationLike {
  close(): void;
  onclick: ((ev: Event) => unknown) | null;
}

export interface NotificationConstructor {
  new (title: string, options?: NotificationOptions): NotificationLike;
  readonly permission: NotificationPermission;
  requestPermission(): Promise<NotificationPermission>;
}

export interface NotifierTimers {
  now(): number;
  setTimeout(cb: () => void, ms: number): number;
  clearTimeout(handle: number): void;
}

export interface AlertMessage {
  readonly title: string;
  readonly body: string;
}

export interface AlertNotifierOptions {
  /** Absent where the platform has no notifications. */
  readonly Notification: NotificationConstructor | undefined;
  readonly timers?: NotifierTimers;
  /** Arrivals within this window become one notification. */
  readonly burstMs?: number;
  /** At most one notification per column within this interval. */
  readonly minIntervalMs?: number;
  /** The text for `count` new items in a column, or null when the column no longer alerts. */
  readonly describe: (columnId: string, count: number) => AlertMessage | null;
  /** Clicking a notification brings its column forward. */
  readonly onClick?: (columnId: string) => void;
}

export interface AlertNotifier {
  arrivals(columnId: string, count: number): void;
  permission(): NotificationPermission | 'unsupported';
  requestPermission(): Promise<NotificationPermission | 'unsupported'>;
  stop(): void;
}

const browserTimers: NotifierTimers = {
  now: () => Date.now(),
  setTimeout: (cb, ms) => window.setTimeout(cb, ms),
  clearTimeout: (handle) => window.clearTimeout(handle),
};

interface ColumnAlerts {
  pending: number;
  lastAt: number | null;
  timer: number | null;
}

export function createAlertNotifier(options: AlertNotifierOptions): AlertNotifier {
  const timers = options.timers ?? browserTimers;
  const burstMs = options.burstMs ?? 2_000;
  const minIntervalMs = options.minIntervalMs ?? 30_000;
  const Ctor = options.Notification;
  const columns = new Map<string, ColumnAlerts>();

  const fire = (columnId: string, state: ColumnAlerts) => {
    state.timer = null;
    const count = state.pending;
    state.pending = 0;
    if (count === 0 || !Ctor || Ctor.permission !== 'granted') return;
    const message = options.describe(columnId, count);
    if (!message) return;
    // The tag makes the system replace a column's previous notification instead of stacking it.
    const notification = new Ctor(message.title, { body: message.body, tag: `roost-column-${columnId}` });
    notification.onclick = () => options.onClick?.(columnId);
    state.lastAt = timers.now();
  };

  return {
    arrivals(columnId, count) {
      if (count <= 0 || !Ctor || Ctor.permission !== 'granted') return;
      const state = columns.get(columnId) ?? { pending: 0, lastAt: null, timer: null };
      columns.set(columnId, state);
      state.pending += count;
      if (state.timer !== null) return;
      const now = timers.now();
      const due = Math.max(now + burstMs, state.lastAt === null ? 0 : state.lastAt + minIntervalMs);
      state.timer = timers.setTimeout(() => fire(columnId, state), due - now);
    },
    permission: () => (Ctor ? Ctor.permission : 'unsupported'),
    async requestPermission() {
      return Ctor ? Ctor.requestPermission() : 'unsupported';
    },
    stop() {
      for (const state of columns.values()) if (state.timer !== null) timers.clearTimeout(state.timer);
      columns.clear();
    },
  };
}
