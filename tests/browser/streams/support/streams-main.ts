// An in-memory double of main for the deck: the accounts calls the session makes, plus the streams part of
// the contract. Inputs are validated with the contract's own schemas and go through a JSON round trip,
// like the wire; every call is recorded so tests can check exactly what the deck asked for.
import {
  events,
  requests,
  type EventName,
  type EventPayload,
  type RequestInput,
  type RequestMethod,
  type RequestOutput,
} from '../../../../src-shared/contract/contract.ts';
import type { Result } from '../../../../src-shared/contract/errors.ts';
import type { Gap } from '../../../../src-shared/contract/streams-contract.ts';
import type { Account } from '../../../../src-shared/domain/account.ts';
import type { Capabilities } from '../../../../src-shared/domain/capabilities.ts';
import { columnSourceKey } from '../../../../src-shared/domain/column.ts';
import type { StreamItem } from '../../../../src-shared/domain/stream-item.ts';
import type { Transport, TransportEventListener } from '../../../../src-renderer/bridge/transport.ts';
import type { z } from '../../../../src-shared/zod.ts';

export interface RecordedCall {
  readonly method: RequestMethod;
  readonly input: unknown;
}

type Handler<M extends RequestMethod> = (
  input: RequestInput<M>,
) => RequestOutput<M> | Promise<RequestOutput<M>>;
type Handlers = { [M in RequestMethod]?: Handler<M> };

export interface StreamsMain {
  readonly transport: Transport;
  readonly calls: RecordedCall[];
  callsOf<M extends RequestMethod>(method: M): RequestInput<M>[];
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
  emitItems(
    columnKey: string,
    items: readonly StreamItem[],
    position?: 'newer' | 'older' | 'gap',
    gap?: Gap | null,
  ): void;
  /** columnId → columnKey of current subscriptions. */
  readonly subscriptions: Map<string, string>;
  setThread(items: StreamItem[]): void;
}

export const BLUESKY_CAPABILITIES: Capabilities = {
  columnTypes: ['home', 'mentions', 'notifications', 'search', 'author', 'feed', 'list'],
  actions: ['like', 'repost', 'reply', 'quote', 'delete', 'thread'],
  search: true,
  directMessages: false,
  streaming: false,
  serverSideScheduling: false,
  limits: { maxChars: 300, urlWeight: null, countsGraphemes: true, maxMedia: 4, maxImageBytes: 1_000_000 },
};

export function testAccount(overrides: Partial<Account> = {}): Account {
  return {
    id: 'acc-1',
    network: 'bluesky',
    service: 'https://pds.example',
    remoteId: 'did:plc:me',
    handle: 'me.test',
    displayName: 'Me',
    avatarUrl: null,
    status: 'active',
    protected: false,
    createdAt: new Date(0).toISOString(),
    ...overrides,
  };
}

export function createStreamsMain(
  accounts: readonly Account[] = [testAccount()],
  /** Handlers for methods beyond the streams part (or replacing one of them). */
  extra: Handlers = {},
): StreamsMain {
  const calls: RecordedCall[] = [];
  const listeners = new Set<TransportEventListener>();
  const subscriptions = new Map<string, string>();
  let thread: StreamItem[] = [];
  let nextAct = 1;

  const handlers: Handlers = {
    'app:ready': () => ({ queued: 0 }),
    'vault:status': () => ({ state: 'available', detail: 'test' }),
    'accounts:list': () => [...accounts],
    'streams:capabilities': () => BLUESKY_CAPABILITIES,
    'streams:subscribe': (input) => {
      const columnKey = columnSourceKey(input.source);
      subscriptions.set(input.columnId, columnKey);
      return { columnKey };
    },
    'streams:unsubscribe': (input) => {
      subscriptions.delete(input.columnId);
      return {};
    },
    'streams:setVisible': () => ({}),
    'streams:refresh': () => ({}),
    'streams:loadGap': () => ({}),
    'streams:loadOlder': () => ({}),
    'items:act': () => ({ remoteId: `at://did:plc:me/record/${nextAct++}` }),
    'items:thread': () => thread,
    ...extra,
  };

  function emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    // Checked against the contract, as the client will do on arrival.
    (events[name] as z.ZodType).parse(payload);
    const wire: unknown = JSON.parse(JSON.stringify(payload));
    for (const listener of listeners) listener(name, wire);
  }

  const transport: Transport = {
    kind: 'memory',
    async request(method, input): Promise<Result<unknown>> {
      const wireInput: unknown = JSON.parse(JSON.stringify(input ?? {}));
      calls.push({ method, input: wireInput });
      const parsed = (requests[method].input as z.ZodType).safeParse(wireInput);
      if (!parsed.success)
        return { ok: false, error: { code: 'invalid_input', message: `Invalid input for ${method}` } };
      const handler = handlers[method] as ((i: unknown) => unknown) | undefined;
      if (!handler) return { ok: false, error: { code: 'unknown_method', message: method } };
      const value = await handler(parsed.data);
      return JSON.parse(JSON.stringify({ ok: true, value })) as Result<unknown>;
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    state: () => 'online',
    onState: () => () => undefined,
    close: () => undefined,
  };

  return {
    transport,
    calls,
    callsOf: <M extends RequestMethod>(method: M) =>
      calls.filter((c) => c.method === method).map((c) => c.input as RequestInput<M>),
    emit,
    emitItems(columnKey, items, position = 'newer', gap = null) {
      emit('streams:items', { columnKey, items: [...items], position, gap });
    },
    subscriptions,
    setThread(items) {
      thread = items;
    },
  };
}
