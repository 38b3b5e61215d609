// Timers a test moves by hand (for the alert notifier): due callbacks run in order as time advances.
import type { NotifierTimers } from '../../../../src-renderer/features/streams/notifications/alert-notifier.ts';

export function manualTimers(): NotifierTimers & { advance(ms: number): void } {
  let now = 1_000_000;
  let next = 1;
  const pending = new Map<number, { at: number; cb: () => void }>();
  return {
    now: () => now,
    setTimeout(cb, ms) {
      pending.set(next, { at: now + ms, cb });
      return next++;
    },
    clearTimeout: (h) => void pending.delete(h),
    advance(ms) {
      const end = now + ms;
      for (;;) {
        const due = [...pending].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        pending.delete(due[0]);
        now = due[1].at;
        due[1].cb();
      }
      now = end;
    },
  };
}
