// Wires main's streams side as main-services does — connector registry, poller, streaming manager, streams
// service, event bus — against the Mastodon replay server (documented example responses over real HTTP and
// WebSocket on loopback, not a real Mastodon). Poller and streaming timers run on one simulated clock.
import { vi } from 'vitest';
import type { Account } from '../../../../src-shared/domain/account.ts';
import type { ColumnSource, ColumnType } from '../../../../src-shared/domain/column.ts';
import type { StreamItem } from '../../../../src-shared/domain/stream-item.ts';
import { createConnectorRegistry } from '../../../../src-main/connectors/connector-registry.ts';
import { createEventBus } from '../../../../src-main/rpc/event-bus.ts';
import {
  createStreamsService,
  toContractState,
  toItemsEvent,
  type StreamsService,
} from '../../../../src-main/streams/streams-service.ts';
import { createMemoryCursorStore } from '../../../../src-main/streams/cursor-store.ts';
import { createPoller, type Poller } from '../../../../src-main/streams/poller.ts';
import { mastodonStreamTargets } from '../../../../src-main/streams/mastodon-stream-target.ts';
import {
  createStreamingManager,
  type StreamingManager,
} from '../../../../src-main/streams/streaming-manager.ts';
import { MastodonReplayServer } from '../../../support/mastodon-replay/server.ts';
import { createMemoryCredentials } from '../../support/memory-credentials.ts';
import { createFakeTime, type FakeTime } from '../support/fake-time.ts';

export const ACCOUNT_ID = 'acc-1';

export interface ItemsEvent {
  readonly columnKey: string;
  readonly items: readonly StreamItem[];
  readonly position: 'newer' | 'older' | 'gap';
}

export interface LiveHarness {
  readonly server: MastodonReplayServer;
  readonly time: FakeTime;
  readonly poller: Poller;
  readonly streaming: StreamingManager;
  readonly streams: StreamsService;
  readonly items: ItemsEvent[];
  /** `streams:deleted` events, in order. */
  readonly deletions: { readonly accountId: string; readonly actionRef: string }[];
  readonly states: { readonly columnKey: string; readonly state: string }[];
  readonly markCalls: { readonly columnKey: string; readonly live: boolean }[];
  readonly signInRequests: string[];
  /** Items events for one column, flattened. */
  itemsFor(columnKey: string): StreamItem[];
  lastState(columnKey: string): string | undefined;
  /** Waits (real time, bounded) until `check` passes; the network is real, so nothing else can tell. */
  until(check: () => boolean, what: string): Promise<void>;
  /** Main-services' setOnline / notifyPower, as wired there. */
  setOnline(online: boolean): void;
  power(state: 'suspend' | 'resume'): void;
  /** The user signed in again with `accessToken`: main-services' onSignedInAgain. */
  signedInAgain(accessToken: string): Promise<void>;
  close(): Promise<void>;
}

export function mastodon(type: ColumnType, param: string | null = null): ColumnSource {
  return { type, accountId: ACCOUNT_ID, param };
}

export async function startLiveHarness(options: { accessToken?: string } = {}): Promise<LiveHarness> {
  const server = await MastodonReplayServer.start();
  const time = createFakeTime();
  const credentials = createMemoryCredentials();
  await credentials.save(ACCOUNT_ID, { kind: 'oauth', accessToken: options.accessToken ?? server.token });
  const account: Account = {
    id: ACCOUNT_ID,
    network: 'mastodon',
    service: server.origin,
    remoteId: `${server.origin}/users/trwnh`,
    handle: 'trwnh',
    displayName: 'trwnh',
    avatarUrl: null,
    status: 'active',
    protected: false,
    createdAt: new Date(time.now()).toISOString(),
  };
  const signInRequests: string[] = [];
  const connectors = createConnectorRegistry({
    getAccount: (id) => (id === ACCOUNT_ID ? account : null),
    credentials,
    fetch: globalThis.fetch,
    onNeedsSignIn: (id) => signInRequests.push(id),
  });
  const events = createEventBus();
  const items: ItemsEvent[] = [];
  const deletions: LiveHarness['deletions'][number][] = [];
  const states: LiveHarness['states'][number][] = [];
  const markCalls: LiveHarness['markCalls'][number][] = [];
  events.subscribe((name, payload) => {
    if (name === 'streams:items') items.push(payload as ItemsEvent);
    if (name === 'streams:deleted') {
      const { accountId, actionRef } = payload as { accountId: string; actionRef: string };
      deletions.push({ accountId, actionRef });
    }
    if (name === 'streams:state') {
      const { columnKey, state } = payload as { columnKey: string; state: { state: string } };
      states.push({ columnKey, state: state.state });
    }
  });
  const streaming: StreamingManager = createStreamingManager({
    timers: { ...time.timers, now: time.now, random: () => 0.5 },
    resolve: mastodonStreamTargets(connectors),
    markStreaming: (columnKey, live) => {
      markCalls.push({ columnKey, live });
      poller.markStreaming(columnKey, live);
    },
    onItems: (batch) => events.emit('streams:items', toItemsEvent(batch)),
    onDeleted: (deletion) => events.emit('streams:deleted', deletion),
    onNeedsSignIn: (id) => connectors.reportAuthFailure(id),
    backoff: { initialMs: 1_000, maxMs: 8_000 },
  });
  const poller: Poller = createPoller({
    clock: time.clock,
    timers: time.timers,
    random: () => 0.5,
    connectors: (source) => connectors.forSource(source),
    cursors: createMemoryCursorStore(),
    onItems: (event) => {
      streaming.notePolled(event);
      events.emit('streams:items', toItemsEvent(event));
    },
    onColumnState: (columnKey, state) =>
      events.emit('streams:state', { columnKey, state: toContractState(state) }),
  });
  const stopPoller = poller.start();
  const streams = createStreamsService({ poller, connectors, events, streaming });

  return {
    server,
    time,
    poller,
    streaming,
    streams,
    items,
    deletions,
    states,
    markCalls,
    signInRequests,
    itemsFor: (columnKey) => items.filter((e) => e.columnKey === columnKey).flatMap((e) => e.items),
    lastState: (columnKey) => states.filter((s) => s.columnKey === columnKey).at(-1)?.state,
    async until(check, what) {
      await vi.waitFor(
        () => {
          if (!check()) throw new Error(`still waiting: ${what}`);
        },
        { timeout: 5_000, interval: 5 },
      );
    },
    setOnline(online) {
      poller.setOnline(online);
      streaming.setOnline(online);
    },
    power(state) {
      if (state === 'suspend') {
        poller.suspend();
        streaming.suspend();
      } else {
        poller.resume();
        streaming.resume();
      }
    },
    async signedInAgain(accessToken) {
      await credentials.save(ACCOUNT_ID, { kind: 'oauth', accessToken });
      connectors.forget(ACCOUNT_ID);
      poller.resumeAccount(ACCOUNT_ID);
      streaming.resumeAccount(ACCOUNT_ID);
    },
    async close() {
      streams.closeAll();
      streaming.stop();
      stopPoller();
      await server.close();
    },
  };
}
