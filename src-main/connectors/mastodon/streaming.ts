// Live Mastodon streams over one WebSocket per stream: parses events (whose `payload` is itself a JSON
// string), reconnects with capped exponential backoff and jitter, and treats a silent socket as dead.
// Falling back to REST polling is the poller's decision: it watches `onState`.
import { RoostError } from '../../../src-shared/contract/errors.ts';
import type { StreamItem } from '../../../src-shared/domain/stream-item.ts';
import { ConversationSchema, NotificationSchema, StatusSchema, StreamEventSchema } from './entities.ts';
import { normaliseConversation, normaliseNotification, normaliseStatus } from './normalise.ts';
import type { SocketFactory, StreamSocket } from './stream-socket.ts';
import { wsSocketFactory } from './ws-socket.ts';
import { systemClock, systemRandom, systemTimers, type Clock, type Timers } from '../../runtime/timing.ts';

// The socket types live in their own file so ws-socket.ts can implement them without importing this one.
export type { SocketFactory, SocketHandlers, StreamSocket } from './stream-socket.ts';

export type StreamName =
  'user' | 'user:notification' | 'public' | 'public:local' | 'hashtag' | 'list' | 'direct';
export type StreamState = 'connecting' | 'open' | 'reconnecting' | 'auth_failed' | 'stopped';

/** main's one timers interface, with the clock and the jitter source a reconnecting socket also needs. */
export type StreamTimers = Timers & Clock & { random(): number };

export interface BackoffPolicy {
  readonly initialMs: number;
  readonly maxMs: number;
}

export interface StreamingOptions {
  /** ws(s):// base, from the instance's configuration.urls.streaming (see streamingBaseUrl). */
  readonly baseUrl: string;
  readonly accessToken: string;
  readonly stream: StreamName;
  /** Tag for `hashtag`, list id for `list`. */
  readonly param?: string;
  readonly accountId: string;
  /** Instance origin, to resolve local handles. */
  readonly origin: string;
  readonly socketFactory?: SocketFactory;
  readonly timers?: StreamTimers;
  readonly backoff?: BackoffPolicy;
  /** How often to ping; and how long without any frame or pong before the socket counts as dead. */
  readonly heartbeatMs?: number;
  readonly idleTimeoutMs?: number;
  readonly onStatus?: (item: StreamItem, info: { readonly edited: boolean }) => void;
  readonly onNotification?: (item: StreamItem) => void;
  readonly onDelete?: (statusId: string) => void;
  readonly onError?: (error: RoostError) => void;
  readonly onState?: (
    state: StreamState,
    info: { readonly attempt: number; readonly retryInMs: number | null },
  ) => void;
}

export interface StreamingHandle {
  stop(): void;
  state(): StreamState;
}

const realTimers: StreamTimers = { ...systemTimers, ...systemClock, random: systemRandom };

/** Capped exponential backoff with "equal jitter": half fixed, half random, so reconnects spread out. */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number): number {
  const capped = Math.min(policy.maxMs, policy.initialMs * 2 ** Math.min(attempt, 30));
  return Math.round(capped / 2 + random() * (capped / 2));
}

export function streamingUrl(baseUrl: string, stream: StreamName, param?: string): string {
  const url = new URL('/api/v1/streaming', baseUrl.replace(/^http/i, 'ws'));
  url.searchParams.set('stream', stream);
  if (stream === 'hashtag' && param) url.searchParams.set('tag', param.replace(/^#/, ''));
  if (stream === 'list' && param) url.searchParams.set('list', param);
  return url.toString();
}

export function startStreaming(options: StreamingOptions): StreamingHandle {
  const timers = options.timers ?? realTimers;
  const factory = options.socketFactory ?? wsSocketFactory;
  const backoff = options.backoff ?? { initialMs: 1_000, maxMs: 60_000 };
  const heartbeatMs = options.heartbeatMs ?? 30_000;
  const idleTimeoutMs = options.idleTimeoutMs ?? 75_000;
  const url = streamingUrl(options.baseUrl, options.stream, options.param);

  let state: StreamState = 'connecting';
  let attempt = 0;
  let generation = 0;
  let socket: StreamSocket | null = null;
  let retryTimer: unknown = null;
  let heartbeatTimer: unknown = null;
  let lastHeard = 0;

  const setState = (next: StreamState, retryInMs: number | null = null): void => {
    state = next;
    options.onState?.(next, { attempt, retryInMs });
  };
  const report = (error: RoostError): void => options.onError?.(error);

  const clearTimers = (): void => {
    if (retryTimer !== null) timers.clearTimeout(retryTimer);
    if (heartbeatTimer !== null) timers.clearTimeout(heartbeatTimer);
    retryTimer = heartbeatTimer = null;
  };

  const connect = (): void => {
    const mine = ++generation;
    const live = (): boolean => mine === generation && state !== 'stopped' && state !== 'auth_failed';
    setState(attempt === 0 ? 'connecting' : 'reconnecting');
    try {
      socket = factory(
        url,
        { authorization: `Bearer ${options.accessToken}` },
        {
          open: () => {
            if (!live()) return;
            attempt = 0;
            lastHeard = timers.now();
            setState('open');
            scheduleHeartbeat(mine);
          },
          message: (data) => {
            if (!live()) return;
            lastHeard = timers.now();
            handleMessage(data);
          },
          pong: () => {
            if (live()) lastHeard = timers.now();
          },
          error: (error, httpStatus) => {
            if (!live()) return;
            if (httpStatus === 401 || httpStatus === 403) {
              drop();
              setState('auth_failed');
              report(
                new RoostError(
                  'auth_failed',
                  'Streaming: the server rejected the access token; sign in to this account again.',
                ),
              );
              return;
            }
            report(new RoostError('network_unreachable', `Streaming: ${error.message.slice(0, 200)}`));
            reconnect();
          },
          close: () => {
            if (live()) reconnect();
          },
        },
      );
    } catch (error) {
      report(
        new RoostError(
          'network_unreachable',
          `Streaming: could not open the connection (${String(error).slice(0, 200)}).`,
        ),
      );
      reconnect();
    }
  };

  const drop = (): void => {
    generation += 1;
    clearTimers();
    const current = socket;
    socket = null;
    try {
      current?.close();
    } catch {
      // Already closed: nothing to release.
    }
  };

  const reconnect = (): void => {
    drop();
    const delay = backoffDelay(attempt, backoff, timers.random);
    attempt += 1;
    setState('reconnecting', delay);
    retryTimer = timers.setTimeout(() => {
      retryTimer = null;
      if (state === 'reconnecting') connect();
    }, delay);
  };

  const scheduleHeartbeat = (mine: number): void => {
    heartbeatTimer = timers.setTimeout(
      () => {
        heartbeatTimer = null;
        if (mine !== generation || state !== 'open') return;
        if (timers.now() - lastHeard >= idleTimeoutMs) {
          report(
            new RoostError('network_unreachable', 'Streaming: the connection went silent; reconnecting.'),
          );
          reconnect();
          return;
        }
        try {
          socket?.ping();
        } catch {
          // A failing ping shows up as a close or as silence; both are handled.
        }
        scheduleHeartbeat(mine);
      },
      Math.min(heartbeatMs, idleTimeoutMs),
    );
  };

  const handleMessage = (data: string): void => {
    try {
      dispatch(data);
    } catch (error) {
      if (error instanceof RoostError) report(error);
      else report(new RoostError('server_error', 'Streaming: an event could not be read.'));
    }
  };

  const dispatch = (data: string): void => {
    const raw: unknown = JSON.parse(data);
    if (typeof raw === 'object' && raw !== null && 'error' in raw && !('event' in raw)) {
      const message = typeof raw.error === 'string' ? raw.error.slice(0, 200) : 'unknown error';
      report(new RoostError('invalid_input', `Streaming: the server refused the subscription (${message}).`));
      return;
    }
    const event = StreamEventSchema.safeParse(raw);
    if (!event.success) throw malformedEvent('not an event');
    const ctx = {
      accountId: options.accountId,
      origin: options.origin,
      seenAt: new Date(timers.now()).toISOString(),
    };
    const { payload } = event.data;
    switch (event.data.event) {
      case 'update':
      case 'status.update': {
        const status = StatusSchema.safeParse(parsePayload(payload));
        if (!status.success) throw malformedEvent(`${event.data.event} payload`);
        options.onStatus?.(normaliseStatus(status.data, ctx), {
          edited: event.data.event === 'status.update',
        });
        return;
      }
      case 'notification': {
        const notification = NotificationSchema.safeParse(parsePayload(payload));
        if (!notification.success) throw malformedEvent('notification payload');
        const item = normaliseNotification(notification.data, ctx);
        if (item) options.onNotification?.(item);
        return;
      }
      case 'conversation': {
        const conversation = ConversationSchema.safeParse(parsePayload(payload));
        if (!conversation.success) throw malformedEvent('conversation payload');
        const item = normaliseConversation(conversation.data, ctx);
        if (item) options.onStatus?.(item, { edited: false });
        return;
      }
      case 'delete': {
        // The payload is the bare id, not JSON.
        if (!payload || payload.length > 256) throw malformedEvent('delete payload');
        options.onDelete?.(payload);
        return;
      }
      default:
        // filters_changed, announcements and future events do not change a column.
        return;
    }
  };

  connect();
  return {
    stop: () => {
      if (state === 'stopped') return;
      drop();
      setState('stopped');
    },
    state: () => state,
  };
}

function parsePayload(payload: string | undefined): unknown {
  if (payload === undefined) throw malformedEvent('missing payload');
  try {
    return JSON.parse(payload);
  } catch {
    throw malformedEvent('payload is not JSON');
  }
}

function malformedEvent(what: string): RoostError {
  return new RoostError('server_error', `Streaming: the server sent a malformed event (${what}).`);
}
