// Live columns through main's real service wiring (startMainServices): a Mastodon account signed in over
// OAuth, a subscribed home column that streams items and deletions, and the network and power hooks closing
// and reopening its socket. Against the replay server (documented example responses on loopback, not a
// real Mastodon).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startMainServices } from '../../../../src-main/app/main-services.ts';
import type { MainServices } from '../../../../src-main/app/types.ts';
import { fixture, withId } from '../../../support/mastodon-replay/fixtures.ts';
import { MastodonReplayServer } from '../../../support/mastodon-replay/server.ts';
import { createMemoryCredentials } from '../../support/memory-credentials.ts';

let server: MastodonReplayServer;
let services: MainServices;
let dir: string;
let events: { name: string; payload: unknown }[];

beforeEach(async () => {
  server = await MastodonReplayServer.start();
  dir = mkdtempSync(path.join(tmpdir(), 'roost-live-'));
  services = await startMainServices(
    { dataDir: dir, mode: 'browser', version: '0.0.0-test' },
    { credentials: createMemoryCredentials() },
  );
  events = [];
  services.events.subscribe((name, payload) => events.push({ name, payload }));
});
afterEach(async () => {
  await services.stop();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

async function call<T>(method: string, input: unknown): Promise<T> {
  const result = await services.router.dispatch(method, input, {
    transport: 'browser',
    actor: { kind: 'local-user' },
  });
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
}

async function signIn(): Promise<string> {
  const { flowId, authorizeUrl } = await call<{ flowId: string; authorizeUrl: string }>(
    'accounts:beginMastodon',
    { instance: server.origin, method: 'oob' },
  );
  const page = await (await fetch(authorizeUrl)).text();
  const code = /value="([^"]+)"/.exec(page)?.[1] ?? '';
  const account = await call<{ id: string }>('accounts:completeMastodon', { flowId, code });
  return account.id;
}

function lastState(columnKey: string): string | undefined {
  return events
    .filter((e) => e.name === 'streams:state')
    .map((e) => e.payload as { columnKey: string; state: { state: string } })
    .filter((p) => p.columnKey === columnKey)
    .at(-1)?.state.state;
}

async function until(check: () => boolean, what: string): Promise<void> {
  await vi.waitFor(
    () => {
      if (!check()) throw new Error(`still waiting: ${what}`);
    },
    { timeout: 5_000, interval: 5 },
  );
}

describe('live columns in main services', () => {
  it('streams a home column, closes it offline and asleep, reopens it online and awake', async () => {
    const accountId = await signIn();
    const { columnKey } = await call<{ columnKey: string }>('streams:subscribe', {
      columnId: 'col-home',
      source: { type: 'home', accountId, param: null },
      visible: true,
    });
    await until(() => lastState(columnKey) === 'live' && server.streaming.openConnections === 1, 'live');

    const status = withId(fixture('status'), '113000000000000001');
    server.streaming.push('user', 'update', status);
    await until(
      () =>
        events.some(
          (e) =>
            e.name === 'streams:items' &&
            (e.payload as { columnKey: string; items: { actionRef: string }[] }).columnKey === columnKey &&
            (e.payload as { items: { actionRef: string }[] }).items.some((i) => i.actionRef === status.id),
        ),
      'streamed item',
    );
    server.streaming.push('user', 'delete', status.id);
    await until(() => events.some((e) => e.name === 'streams:deleted'), 'deletion');
    expect(events.filter((e) => e.name === 'streams:deleted').map((e) => e.payload)).toEqual([
      { accountId, network: 'mastodon', actionRef: status.id },
    ]);

    services.setOnline(false);
    await until(() => server.streaming.openConnections === 0, 'closed offline');
    expect(lastState(columnKey)).toBe('offline');
    services.setOnline(true);
    await until(() => lastState(columnKey) === 'live' && server.streaming.openConnections === 1, 'online');

    services.notifyPower('suspend');
    await until(() => server.streaming.openConnections === 0, 'closed asleep');
    services.notifyPower('resume');
    await until(() => lastState(columnKey) === 'live' && server.streaming.openConnections === 1, 'awake');
    expect(server.streaming.connectionsOpened).toBe(3);

    await call('streams:unsubscribe', { columnId: 'col-home' });
    await until(() => server.streaming.openConnections === 0, 'closed on unsubscribe');
  });
});
