// The browser-mode transport against a stand-in host: id matching, events, failure while offline,
// and reconnection with backoff.
import { afterEach, describe, expect, test } from 'vitest';
import type { Handlers } from '../../../src-main/rpc/router.ts';
import { createClient } from '../../../src-renderer/bridge/client.ts';
import type { Transport } from '../../../src-renderer/bridge/transport.ts';
import { createWebSocketTransport } from '../../../src-renderer/bridge/websocket-transport.ts';
import { FakeSocketHost } from '../support/fake-socket-host.ts';
import { withOtherMethodsRefused } from '../../support/partial-handlers.ts';

const handlers: Handlers = withOtherMethodsRefused({
  'app:info': () => ({ version: '1', mode: 'browser', platform: 'linux' }),
  'app:ready': () => ({ queued: 0 }),
  'vault:status': () => ({ state: 'available', detail: '' }),
  'accounts:list': () => [],
  'accounts:add': () => {
    throw new Error('not used');
  },
  'accounts:remove': (input) => ({ removed: input.id === 'exists' }),
  'accounts:setProtected': () => {
    throw new Error('not used');
  },
});

const WAIT = { timeout: 5_000 };
let transport: Transport | null = null;
afterEach(() => transport?.close());

function connect(host: FakeSocketHost, offlineWaitMs = 200): Transport {
  transport = createWebSocketTransport({
    url: 'ws://127.0.0.1:1/rpc?token=t',
    createSocket: host.createSocket,
    backoff: { initialMs: 10, maxMs: 40 },
    offlineWaitMs,
    random: () => 1,
  });
  return transport;
}

describe('WebSocket transport', () => {
  test('goes online and matches answers to requests by id, whatever their order', async () => {
    const host = new FakeSocketHost(handlers);
    const client = createClient(connect(host));
    await expect.poll(() => client.state(), WAIT).toBe('online');
    expect(host.sockets[0]?.url).toBe('ws://127.0.0.1:1/rpc?token=t');

    host.paused = true;
    const a = client.call('accounts:remove', { id: 'exists' });
    const b = client.call('accounts:remove', { id: 'missing' });
    const c = client.call('app:info', {});
    await expect.poll(() => host.requestsWaiting, WAIT).toBe(3);
    await host.flushReversed();
    expect(await a).toEqual({ ok: true, value: { removed: true } });
    expect(await b).toEqual({ ok: true, value: { removed: false } });
    expect(await c).toMatchObject({ ok: true, value: { mode: 'browser' } });
  });

  test('delivers pushed events', async () => {
    const host = new FakeSocketHost(handlers);
    const client = createClient(connect(host));
    const seen: boolean[] = [];
    client.on('app:connectivity', ({ online }) => seen.push(online));
    await expect.poll(() => client.state(), WAIT).toBe('online');
    host.push('app:connectivity', { online: false });
    expect(seen).toEqual([false]);
  });

  test('fails calls in flight when the connection drops, then reconnects', async () => {
    const host = new FakeSocketHost(handlers);
    const client = createClient(connect(host));
    const states: string[] = [];
    client.onState((s) => states.push(s));
    await expect.poll(() => client.state(), WAIT).toBe('online');

    host.paused = true;
    const inFlight = client.call('app:info', {});
    await expect.poll(() => host.requestsWaiting, WAIT).toBe(1);
    host.dropAll();
    expect(await inFlight).toMatchObject({ ok: false, error: { code: 'network_unreachable' } });
    host.paused = false;

    await expect.poll(() => client.state(), WAIT).toBe('online');
    expect(states).toEqual(['online', 'offline', 'online']);
    expect(host.sockets).toHaveLength(2);
    expect(await client.call('app:info', {})).toMatchObject({ ok: true });
  });

  test('a call made while offline waits briefly, then fails with network_unreachable', async () => {
    const host = new FakeSocketHost(handlers);
    host.accepting = false;
    const client = createClient(connect(host, 50));
    const result = await client.call('app:info', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'network_unreachable' } });
    // It keeps trying in the background, with backoff.
    await expect.poll(() => host.sockets.length, WAIT).toBeGreaterThan(2);
    expect(client.state()).toBe('offline');
  });

  test('a call made while reconnecting goes through once the link is back', async () => {
    const host = new FakeSocketHost(handlers);
    host.accepting = false;
    const client = createClient(connect(host, 3_000));
    await expect.poll(() => client.state(), WAIT).toBe('offline');
    const pending = client.call('app:info', {});
    host.accepting = true;
    expect(await pending).toMatchObject({ ok: true, value: { version: '1' } });
  });

  test('close stops reconnecting', async () => {
    const host = new FakeSocketHost(handlers);
    const t = connect(host);
    await expect.poll(() => t.state(), WAIT).toBe('online');
    t.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(host.sockets).toHaveLength(1);
    expect(host.openCount).toBe(0);
  });
});
