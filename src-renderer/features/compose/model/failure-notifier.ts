// Tells the user, with a desktop notification, when a post main was sending failed or needs attention —
// they may be in another app by then. Each job is announced once; nothing shows without permission.
import type { OutboxJob } from '../../../../src-shared/contract/publishing-contract.ts';

export interface FailureNotification {
  readonly title: string;
  readonly body: string;
}

export type NotifyFn = (notification: FailureNotification) => void;

const TROUBLE: ReadonlySet<OutboxJob['state']> = new Set(['failed', 'needs_attention', 'overdue']);

export function createFailureNotifier(
  notify: NotifyFn,
  describe: (job: OutboxJob) => FailureNotification,
): (jobs: readonly OutboxJob[]) => void {
  const announced = new Set<string>();
  return (jobs) => {
    for (const job of jobs) {
      const key = `${job.id}:${job.state}`;
      if (!TROUBLE.has(job.state) || announced.has(key)) continue;
      announced.add(key);
      notify(describe(job));
    }
  };
}

/** The browser's Notification API, used only when the user already granted permission. */
export function desktopNotify(notification: FailureNotification): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  new Notification(notification.title, { body: notification.body, tag: 'roost-outbox' });
}
