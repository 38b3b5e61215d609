// Connects the renderer's columns to the poller: subscriptions by column id, items and column states
// pushed as contract events, and item actions routed to the right account's connector.
import { RoostError } from '../../src-shared/contract/errors.ts';
import {
  StreamDeletionSchema,
  type ColumnState as ContractColumnState,
  type Gap,
  type ItemRef,
} from '../../src-shared/contract/streams-contract.ts';
import type { ColumnSource } from '../../src-shared/domain/column.ts';
import type { Capabilities } from '../../src-shared/domain/capabilities.ts';
import { contentlessItem, type StreamItem } from '../../src-shared/domain/stream-item.ts';
import type { ColumnState, GapMarker, StreamEvent } from './column-state.ts';
import type { Poller, Subscription } from './poller.ts';
import type { StreamingManager } from './streaming-manager.ts';
import type { ConnectorRegistry } from '../connectors/connector-registry.ts';
import type { EventBus } from '../rpc/event-bus.ts';

export interface StreamsService {
  capabilities(accountId: string): Promise<Capabilities>;
  subscribe(columnId: string, source: ColumnSource, visible: boolean): { columnKey: string };
  unsubscribe(columnId: string): void;
  setVisible(columnId: string, visible: boolean): void;
  refresh(columnId: string): void;
  loadGap(columnId: string, gap: Gap): Promise<void>;
  loadOlder(columnId: string): Promise<void>;
  /** Likes only; everything that publishes goes through the outbox. */
  act(accountId: string, ref: ItemRef, action: 'like' | 'unlike'): Promise<{ remoteId: string | null }>;
  thread(accountId: string, ref: ItemRef): Promise<StreamItem[]>;
  closeAll(): void;
}

export function gapId(marker: Pick<GapMarker, 'columnKey' | 'before' | 'since'>): string {
  return `${marker.before}|${marker.since}`.slice(0, 128);
}

/** Turns poller output into the contract's `streams:items` event. */
export function toItemsEvent(event: StreamEvent) {
  if (event.kind === 'gap') {
    return {
      columnKey: event.columnKey,
      items: [],
      position: 'newer' as const,
      gap: { id: gapId(event), before: event.before, since: event.since },
    };
  }
  const filled = event.filled;
  return {
    columnKey: event.columnKey,
    items: [...event.items],
    position: event.placement === 'newest' ? ('newer' as const) : event.placement,
    gap: filled ? { id: gapId(filled), before: filled.before, since: filled.since } : null,
  };
}

export function toContractState(state: ColumnState): ContractColumnState {
  switch (state.kind) {
    case 'error':
      return { state: 'error', errorCode: state.code, retryAt: state.retryAt };
    case 'paused':
      return { state: state.reason === 'offline' ? 'offline' : 'paused', errorCode: null, retryAt: null };
    default:
      return { state: state.kind, errorCode: null, retryAt: null };
  }
}

export function createStreamsService(deps: {
  readonly poller: Poller;
  readonly connectors: ConnectorRegistry;
  readonly events: EventBus;
  /** Live columns: streamed sources, attached beside the poller's subscription. */
  readonly streaming?: Pick<StreamingManager, 'attach'>;
}): StreamsService {
  const subscriptions = new Map<string, Subscription>();
  // Streaming releases by column id, beside the poller subscriptions (released together).
  const streamReleases = new Map<string, () => void>();
  const releaseStream = (columnId: string): void => {
    streamReleases.get(columnId)?.();
    streamReleases.delete(columnId);
  };
  const subscription = (columnId: string): Subscription => {
    const found = subscriptions.get(columnId);
    if (!found) throw new RoostError('not_found', 'This column is not subscribed.');
    return found;
  };

  /**
   * Mastodon answers 404 for a status its author deleted (or that this account may no longer see). Streams
   * only tell of deletions while a socket is open, so an action or thread view on such a status is the other
   * way Roost learns of it: the deck and the archive forget it, and the user still gets the error.
   */
  async function forgetIfGone<T>(accountId: string, ref: ItemRef, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      const gone = error instanceof RoostError && error.code === 'not_found';
      if (gone && ref.network === 'mastodon' && ref.actionRef) {
        const deletion = StreamDeletionSchema.safeParse({
          accountId,
          network: 'mastodon',
          actionRef: ref.actionRef,
        });
        if (deletion.success) deps.events.emit('streams:deleted', deletion.data);
      }
      throw error;
    }
  }

  return {
    async capabilities(accountId) {
      return (await deps.connectors.forAccount(accountId)).capabilities();
    },
    subscribe(columnId, source, visible) {
      if (!deps.connectors.forSource(source))
        throw new RoostError('not_found', 'No account can read this column.');
      subscriptions.get(columnId)?.close();
      const sub = deps.poller.subscribe(source, { visible });
      subscriptions.set(columnId, sub);
      // Attached before the old one is released, so re-subscribing the same source keeps its socket.
      const previousStream = streamReleases.get(columnId);
      if (deps.streaming) streamReleases.set(columnId, deps.streaming.attach(sub.columnKey, source));
      else streamReleases.delete(columnId);
      previousStream?.();
      const state = deps.poller.state(sub.columnKey);
      if (state)
        deps.events.emit('streams:state', { columnKey: sub.columnKey, state: toContractState(state) });
      return { columnKey: sub.columnKey };
    },
    unsubscribe(columnId) {
      subscriptions.get(columnId)?.close();
      subscriptions.delete(columnId);
      releaseStream(columnId);
    },
    setVisible: (columnId, visible) => subscription(columnId).setVisible(visible),
    refresh: (columnId) => deps.poller.refresh(subscription(columnId).columnKey),
    async loadGap(columnId, gap) {
      const { columnKey } = subscription(columnId);
      if (gap.since === null) return void (await deps.poller.loadOlder(columnKey));
      await deps.poller.loadGap(columnKey, { kind: 'gap', columnKey, before: gap.before, since: gap.since });
    },
    async loadOlder(columnId) {
      await deps.poller.loadOlder(subscription(columnId).columnKey);
    },
    async act(accountId, ref, kind) {
      // The contract admits only likes; refusing anything else here too keeps the guards unbypassable
      // should a caller reach this service another way.
      if (kind !== 'like' && kind !== 'unlike') {
        throw new RoostError(
          'forbidden',
          'Only likes are sent directly; everything else goes through the outbox.',
        );
      }
      const connector = await deps.connectors.forAccount(accountId);
      const item = itemFromRef(ref, accountId);
      return forgetIfGone(accountId, ref, () => connector.act({ kind, item }));
    },
    async thread(accountId, ref) {
      const connector = await deps.connectors.forAccount(accountId);
      return [...(await forgetIfGone(accountId, ref, () => connector.thread(itemFromRef(ref, accountId))))];
    },
    closeAll() {
      for (const sub of subscriptions.values()) sub.close();
      subscriptions.clear();
      for (const columnId of [...streamReleases.keys()]) releaseStream(columnId);
    },
  };
}

/** The renderer sends only what identifies an item; everything else is rebuilt empty, never trusted. */
function itemFromRef(ref: ItemRef, accountId: string): StreamItem {
  const nobody = {
    id: '',
    handle: '',
    displayName: '',
    avatarUrl: null,
    profileUrl: null,
    server: null,
    location: null,
  };
  const never = new Date(0).toISOString();
  return contentlessItem(
    {
      key: `${ref.network}:${ref.remoteId}`,
      network: ref.network,
      accountId,
      kind: 'post',
      remoteId: ref.remoteId,
      actionRef: ref.actionRef,
      url: null,
      author: nobody,
    },
    { createdAt: never, seenAt: never },
    { liked: ref.viewerLiked, reposted: ref.viewerReposted },
  );
}
