// How the deck turns an item into what main acts on: a like's reference, a repost/unrepost/delete request
// for the guarded path, and the change a finished action makes to the items on screen.
import type { ContentAction, ContentActionKind } from '../../../../src-shared/compose/content-action.ts';
import type { ItemRef } from '../../../../src-shared/contract/streams-contract.ts';
import type { StreamItem } from '../../../../src-shared/domain/stream-item.ts';
import type { RoostClient } from '../../../bridge/client.ts';
import type { GuardedRequest } from '../../../publishing/guarded-flow.ts';
import type { StreamHub } from './stream-hub.ts';

export function itemRefOf(item: StreamItem): ItemRef | null {
  if (item.network === 'rss') return null;
  return {
    network: item.network,
    remoteId: item.remoteId,
    actionRef: item.actionRef,
    viewerLiked: item.viewer.liked,
    viewerReposted: item.viewer.reposted,
  };
}

export function contentActionOf(accountId: string, kind: ContentActionKind, item: StreamItem): ContentAction {
  if (item.network === 'rss') throw new Error('Feed items cannot be reposted or deleted.');
  return {
    accountId,
    kind,
    item: {
      network: item.network,
      remoteId: item.remoteId,
      actionRef: item.actionRef,
      viewerReposted: item.viewer.reposted,
      authorHandle: item.author.handle.slice(0, 512),
      excerpt: item.text.slice(0, 200),
    },
  };
}

export function actionRequest(
  client: RoostClient,
  action: ContentAction,
  undoSeconds: number,
): GuardedRequest {
  return {
    preflight: () => client.call('publish:preflightAction', { action }),
    clear: (digest, typedHandles, acknowledged) =>
      client.call('publish:clearAction', { action, digest, typedHandles, acknowledged }),
    submit: (clearanceId) => client.call('outbox:submitAction', { action, clearanceId, undoSeconds }),
  };
}

/** What a finished repost, unrepost or delete changes on screen, in every column showing the item. */
export function applyOutcome(
  hub: StreamHub,
  item: StreamItem,
  what: ContentActionKind,
  remoteId: string | null,
): void {
  if (what === 'delete') {
    hub.removeItems((i) => i.remoteId === item.remoteId && i.kind !== 'repost');
    return;
  }
  const reposted = what === 'repost' ? (remoteId ?? item.remoteId) : null;
  const reposts = Math.max(0, item.counts.reposts + (what === 'repost' ? 1 : -1));
  hub.replaceItem({ ...item, counts: { ...item.counts, reposts }, viewer: { ...item.viewer, reposted } });
}
