// Mastodon streaming over a real WebSocket to a loopback server that replays the official API docs'
// streaming examples (payload as a JSON string) — not a real Mastodon. Timers are injected and fired by hand.
import { afterEach, describe, expect, it } from 'vitest';
import type { RoostError } from '../../../../src-shared/contract/errors.ts';
import type { StreamItem } from '../../../../src-shared/domain/stream-item.ts';
import {
  startStreaming,
  type StreamingHandle,
  type StreamState,
  type StreamTimers,
} from '../../../../src-main/connectors/mastodon/streaming.ts';
import { completeStatus, fixture, type JsonObject } from '../../../support/mastodon-replay/fixtures.ts';
import { useReplay } from './replay-harness.ts';

const h = useReplay();

class ManualTimers implements StreamTimers {
  clock = 1_000_000;
  pending: { fn: () => void; ms: number; handle: number }[] = [];
  #next = 0;
  setTimeout(fn: () => void, ms: number): unknown {
    const handle = ++this.#next;
    this.pending.push({ fn, ms, handle });
    return handle;
  }
  clearTimeout(handle: unknown): void {
    this.pending = this.pending.filter((timer) => timer.handle !== handle);
  }
  now(): number {
    return this.clock;
  }
  random(): number {
    return 0.5;
  }
  /** Fires the earliest-registered pending timer. */
  fire(): void {
    const timer = this.pending.shift();
    if (!timer) throw new Error('no pending timer');
    timer.fn();
  }
}

interface Seen {
  states: StreamState[];
  statuses: { item: StreamItem; edited: boolean }[];
  notifications: StreamItem[];
  deletes: string[];
  errors: RoostError[];
}

function recorder(): {
  seen: Seen;
  waitFor: (check: (seen: Seen) => boolean) => Promise<void>;
  hooks: object;
} {
  const seen: Seen = { states: [], statuses: [], notifications: [], deletes: [], errors: [] };
  const waiters: { check: (seen: Seen) => boolean; resolve: () => void }[] = [];
  const poke = (): void => {
    for (const waiter of [...waiters]) {
      if (waiter.check(seen)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  };
  return {
    seen,
    waitFor: (check) =>
      check(seen) ? Promise.resolve() : new Promise((resolve) => waiters.push({ check, resolve })),
    hooks: {
      onState: (state: StreamState) => (seen.states.push(state), poke()),
      onStatus: (item: StreamItem, info: { edited: boolean }) => (
        seen.statuses.push({ item, edited: info.edited }),
        poke()
      ),
      onNotification: (item: StreamItem) => (seen.notifications.push(item), poke()),
      onDelete: (id: string) => (seen.deletes.push(id), poke()),
      onError: (error: RoostError) => (seen.errors.push(error), poke()),
    },
  };
}

let handle: StreamingHandle | null = null;
afterEach(() => {
  handle?.stop();
  handle = null;
  h.server.streaming.answerPings = true;
  h.server.streaming.dropAll();
});

function start(
  timers: ManualTimers,
  hooks: object,
  overrides: { accessToken?: string; stream?: 'user' | 'public' | 'hashtag'; param?: string } = {},
): StreamingHandle {
  handle = startStreaming({
    baseUrl: h.server.origin.replace('http', 'ws'),
    accessToken: overrides.accessToken ?? h.server.token,
    stream: overrides.stream ?? 'user',
    param: overrides.param,
    accountId: 'acc-1',
    origin: h.server.origin,
    timers,
    backoff: { initialMs: 1_000, maxMs: 30_000 },
    heartbeatMs: 10_000,
    idleTimeoutMs: 25_000,
    ...hooks,
  });
  return handle;
}

describe('streaming events', () => {
  it('parses update, status.update, notification and delete events whose payload is a JSON string', async () => {
    const timers = new ManualTimers();
    const { seen, waitFor, hooks } = recorder();
    start(timers, hooks);
    await waitFor((s) => s.states.includes('open'));
    const upgrade = h.server.requestsTo('UPGRADE', '/api/v1/streaming').at(-1);
    expect(upgrade?.headers.authorization).toBe(`Bearer ${h.server.token}`);
    expect(upgrade?.query.get('stream')).toBe('user');
    expect(upgrade?.query.get('access_token')).toBeNull();

    const documented = fixture('ws-event-update');
    h.server.streaming.push('user', 'update', String(documented.payload));
    h.server.streaming.push('user', 'status.update', fixture('status-federated'));
    h.server.streaming.push('user', 'filters_changed');
    h.server.streaming.push('user', 'notification', fixture('notification-mention-streamed'));
    h.server.streaming.push('user', 'delete', String(fixture('ws-event-delete').payload));
    await waitFor((s) => s.deletes.length === 1);

    expect(seen.statuses.map((s) => [s.item.actionRef, s.edited])).toEqual([
      [JSON.parse(String(documented.payload)).id, false],
      ['109348684737626801', true],
    ]);
    expect(seen.notifications.map((n) => [n.kind, n.text])).toEqual([['mention', '@trwnh test']]);
    expect(seen.deletes).toEqual(['106692867363994015']);
    expect(seen.errors).toEqual([]);
  });

  it('subscribes hashtag streams with the tag', async () => {
    const timers = new ManualTimers();
    const { seen, waitFor, hooks } = recorder();
    start(timers, hooks, { stream: 'hashtag', param: '#cats' });
    await waitFor((s) => s.states.includes('open'));
    expect(h.server.requestsTo('UPGRADE', '/api/v1/streaming').at(-1)?.query.get('tag')).toBe('cats');
    const cats = fixture<JsonObject[]>('timeline-hashtag-cats').map(completeStatus);
    h.server.streaming.push('hashtag', 'update', cats[0], { tag: 'dogs' });
    h.server.streaming.push('hashtag', 'update', cats[1], { tag: 'cats' });
    await waitFor((s) => s.statuses.length > 0);
    expect(seen.statuses.map((s) => s.item.actionRef)).toEqual(['103203659567597966']);
    expect(seen.statuses[0]?.item.facets.filter((f) => f.kind === 'hashtag').map((f) => f.value)).toContain(
      'cats',
    );
  });

  it('reports malformed events as errors and keeps the connection', async () => {
    const timers = new ManualTimers();
    const { seen, waitFor, hooks } = recorder();
    start(timers, hooks);
    await waitFor((s) => s.states.includes('open'));
    h.server.streaming.pushRaw('user', 'not json at all');
    h.server.streaming.push('user', 'update', '{"id": 5');
    h.server.streaming.push('user', 'update', { id: 1, content: null });
    h.server.streaming.push('user', 'notification', '[[[[[]]]]]');
    h.server.streaming.push('user', 'delete', 'x'.repeat(1_000));
    h.server.streaming.pushRaw('user', JSON.stringify({ event: 42 }));
    h.server.streaming.pushRaw('user', JSON.stringify({ error: 'Unknown stream type', status: 400 }));
    h.server.streaming.push('user', 'update', fixture('status'));
    await waitFor((s) => s.statuses.length === 1);
    expect(seen.errors.map((e) => e.code)).toEqual([
      'server_error',
      'server_error',
      'server_error',
      'server_error',
      'server_error',
      'server_error',
      'invalid_input',
    ]);
    expect(handle?.state()).toBe('open');
  });
});

describe('connection health', () => {
  it('reconnects with backoff after the connection drops', async () => {
    const timers = new ManualTimers();
    const { seen, waitFor, hooks } = recorder();
    const opened = h.server.streaming.connectionsOpened;
    start(timers, hooks);
    await waitFor((s) => s.states.filter((x) => x === 'open').length === 1);
    h.server.streaming.dropAll();
    await waitFor((s) => s.states.at(-1) === 'reconnecting');
    const retry = timers.pending.find((timer) => timer.ms >= 500 && timer.ms <= 1_000);
    expect(retry).toBeDefined();
    timers.pending = timers.pending.filter((timer) => timer === retry);
    timers.fire();
    await h.server.streaming.waitForConnections(opened + 2);
    await waitFor((s) => s.states.filter((x) => x === 'open').length === 2);
    h.server.streaming.push('user', 'update', fixture('status'));
    await waitFor((s) => s.statuses.length === 1);
    expect(seen.states).toEqual(['connecting', 'open', 'reconnecting', 'reconnecting', 'open']);
  });

  it('treats a silent connection as dead and reconnects', async () => {
    const timers = new ManualTimers();
    const { seen, waitFor, hooks } = recorder();
    h.server.streaming.answerPings = false;
    start(timers, hooks);
    await waitFor((s) => s.states.includes('open'));
    expect(timers.pending).toHaveLength(1);
    timers.clock += 10_000;
    timers.fire(); // heartbeat: still within the idle window, so it pings and re-arms
    expect(handle?.state()).toBe('open');
    timers.clock += 20_000;
    timers.fire(); // no frame and no pong for 30 s > 25 s idle timeout
    expect(handle?.state()).toBe('reconnecting');
    expect(seen.errors.at(-1)?.message).toContain('silent');
  });

  it('stops retrying when the token is rejected', async () => {
    const timers = new ManualTimers();
    const { seen, waitFor, hooks } = recorder();
    start(timers, hooks, { accessToken: 'revoked' });
    await waitFor((s) => s.states.includes('auth_failed'));
    expect(seen.errors.map((e) => e.code)).toEqual(['auth_failed']);
    expect(timers.pending).toEqual([]);
  });

  it('stop() closes the socket and schedules nothing', async () => {
    const timers = new ManualTimers();
    const { waitFor, hooks } = recorder();
    const stream = start(timers, hooks);
    await waitFor((s) => s.states.includes('open'));
    stream.stop();
    expect(stream.state()).toBe('stopped');
    expect(timers.pending).toEqual([]);
  });
});
