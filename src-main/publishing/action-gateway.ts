// The network side of reposts, unreposts and deletes, on the account's Publisher. Each is safe to send again:
// a repost goes out with the keys fixed when the job was created, and removing what is already gone counts
// as done.
import type { ContentAction } from '../../src-shared/compose/content-action.ts';
import type { Publisher, SendKeys } from '../connectors/publisher.ts';
import type { StoredJob } from './outbox-job.ts';
import type { PublishedRef, SendOutcome } from './publish-gateway.ts';

export async function sendContentAction(
  publisher: Publisher,
  job: StoredJob,
  action: ContentAction,
): Promise<SendOutcome> {
  const keys = jobKeys(job);
  const done =
    action.kind === 'repost'
      ? await publisher.repost(action.item, keys)
      : action.kind === 'unrepost'
        ? await publisher.unrepost(action.item, keys)
        : await publisher.deletePost(action.item);
  return { kind: 'published', ...done };
}

/** After a crash mid-send: the repost if it exists; null means sending again is safe for every action. */
export async function reconcileContentAction(
  publisher: Publisher,
  job: StoredJob,
  action: ContentAction,
): Promise<PublishedRef | null> {
  return action.kind === 'repost' ? publisher.reconcileRepost(jobKeys(job)) : null;
}

/** The keys fixed when the job was created, which every attempt sends. */
export function jobKeys(job: StoredJob): SendKeys {
  return { rkey: job.rkey, idempotencyKey: job.idempotencyKey };
}
