// What the outbox says an account sent or removed through Roost, in the terms the own-feed diff compares:
// Bluesky records by AT-URI (a job's record key fixes its URI before the first attempt), Mastodon statuses by
// their instance-local id (what the outbox records), reposts also by their subject.
import type { SentThroughRoost } from '../../src-shared/protection/hijack-diff.ts';
import type { StoredJob } from '../publishing/outbox-job.ts';

const POST_COLLECTION = 'app.bsky.feed.post';
const REPOST_COLLECTION = 'app.bsky.feed.repost';

export function sentThroughRoost(jobs: readonly StoredJob[], did: string | null): SentThroughRoost {
  const uris = new Set<string>();
  const repostSubjects = new Set<string>();
  const removedUris = new Set<string>();
  let sending = false;
  for (const job of jobs) {
    if (job.state === 'cancelled') continue;
    if (job.state === 'sending') sending = true;
    const action = job.payload.action ?? null;
    if (job.remoteId) uris.add(job.remoteId);
    if (action === null || action.kind === 'repost') {
      // Reserved before the first attempt: a post or repost seen before its job records the result still matches.
      if (job.rkey && did) {
        uris.add(`at://${did}/${action ? REPOST_COLLECTION : POST_COLLECTION}/${job.rkey}`);
      }
      if (action) {
        repostSubjects.add(action.item.remoteId);
        if (action.item.actionRef) repostSubjects.add(action.item.actionRef);
      }
      continue;
    }
    // Deletes and unreposts: whatever they remove vanishing from the feed is Roost's doing.
    removedUris.add(action.item.remoteId);
    if (action.item.actionRef) removedUris.add(action.item.actionRef);
    if (action.item.viewerReposted) removedUris.add(action.item.viewerReposted);
  }
  return { uris, repostSubjects, removedUris, sending };
}
