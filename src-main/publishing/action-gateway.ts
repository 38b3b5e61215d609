// The network side of reposts, unreposts and deletes. Each is safe to send again: a Bluesky repost is written
// at the job's record key, a Mastodon boost of a status already boosted answers with that boost, and
// removing what is already gone counts as done.
import { RoostError } from '../../src-shared/contract/errors.ts';
import type { ContentAction } from '../../src-shared/compose/content-action.ts';
import type { BlueskyConnector } from '../connectors/bluesky/bluesky-connector.ts';
import type { MastodonConnector } from '../connectors/mastodon/mastodon-connector.ts';
import type { StoredJob } from './outbox-job.ts';
import type { PublishedRef, SendOutcome } from './publish-gateway.ts';

export interface ActionGatewayDeps {
  readonly bluesky: (accountId: string) => Promise<BlueskyConnector>;
  readonly mastodon: (accountId: string) => Promise<MastodonConnector>;
}

export async function sendContentAction(
  deps: ActionGatewayDeps,
  job: StoredJob,
  action: ContentAction,
): Promise<SendOutcome> {
  const { item } = action;
  if (job.network === 'bluesky') {
    const connector = await deps.bluesky(job.accountId);
    if (action.kind === 'repost') {
      if (!job.rkey || !item.actionRef) throw new RoostError('internal', 'A repost job has no record key.');
      const made = await connector.repostAt({ uri: item.remoteId, cid: item.actionRef }, job.rkey);
      return { kind: 'published', remoteId: made.uri, cid: made.cid, url: null };
    }
    const uri = action.kind === 'unrepost' ? item.viewerReposted : item.remoteId;
    if (!uri) throw new RoostError('invalid_input', 'There is no repost to undo.');
    await connector.deleteOwnRecord(uri);
    return { kind: 'published', remoteId: uri, url: null };
  }
  const connector = await deps.mastodon(job.accountId);
  if (!item.actionRef) throw new RoostError('invalid_input', 'This item is not a Mastodon status.');
  const id = encodeURIComponent(item.actionRef);
  if (action.kind === 'delete') {
    try {
      await connector.http.send('DELETE', `/api/v1/statuses/${id}`, { action: 'Delete' });
    } catch (error) {
      // Deleted already (by an earlier attempt whose answer was lost, or elsewhere): nothing left to do.
      if (!(error instanceof RoostError && error.code === 'not_found')) throw error;
    }
    return { kind: 'published', remoteId: item.actionRef, url: null };
  }
  const path = action.kind === 'repost' ? 'reblog' : 'unreblog';
  const answer = await connector.http.send('POST', `/api/v1/statuses/${id}/${path}`, {
    action: action.kind === 'repost' ? 'Boost' : 'Undo boost',
    headers: { 'Idempotency-Key': job.idempotencyKey },
  });
  const body = (answer.body ?? {}) as { id?: unknown; url?: unknown };
  return {
    kind: 'published',
    remoteId: typeof body.id === 'string' ? body.id : item.actionRef,
    url: typeof body.url === 'string' ? body.url : null,
  };
}

/** After a crash mid-send: the repost if it exists; null means sending again is safe for every action. */
export async function reconcileContentAction(
  deps: ActionGatewayDeps,
  job: StoredJob,
  action: ContentAction,
): Promise<PublishedRef | null> {
  if (job.network !== 'bluesky' || action.kind !== 'repost' || !job.rkey) return null;
  const found = await (await deps.bluesky(job.accountId)).findRepostByRkey(job.rkey);
  return found ? { remoteId: found.uri, cid: found.cid, url: null } : null;
}
