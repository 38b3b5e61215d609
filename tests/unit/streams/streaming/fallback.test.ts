// When a live column's stream drops, is refused or is not wanted, main falls back to REST polling and reopens
// the stream when it can. Runs against the replay server (documented example responses over real HTTP and
// WebSocket on loopback, not a real Mastodon); reconnect backoff and polls run on a simulated clock.
import { afterEach, describe, expect, it } from 'vitest';
import { fixture, withId } from '../../../support/mastodon-replay/fixtures.ts';
import { ACCOUNT_ID, mastodon, startLiveHarness, type LiveHarness } from './live-harness.ts';

let h: LiveHarness;
afterEach(async () => {
  await h.close();
});

async function subscribeLive(columnId: string, source = mastodon('home')): Promise<string> {
  const { columnKey } = h.streams.subscribe(columnId, source, true);
  await h.until(() => h.streaming.isLive(columnKey), `${columnId} streaming`);
  return columnKey;
}

const homePolls = () => h.server.requestsTo('GET', '/api/v1/timelines/home').length;
const upgrades = () => h.server.requestsTo('UPGRADE', '/api/v1/streaming').length;

describe('stream fallback and lifecycle', () => {
  it('marks a dropped stream as polling, polls over REST, and goes live again on reconnect', async () => {
    h = await startLiveHarness();
    const home = await subscribeLive('col-home');
    await h.until(() => homePolls() === 1 && h.lastState(home) === 'live', 'first poll, live');

    h.server.streaming.dropAll();
    await h.until(() => h.lastState(home) === 'polling', 'fallback to polling');
    expect(h.markCalls.at(-1)).toEqual({ columnKey: home, live: false });
    // The poller polls at once: items may have been missed while the stream was down.
    await h.time.advance(0);
    await h.until(() => homePolls() === 2, 'REST poll');
    expect(h.server.streaming.openConnections).toBe(0);

    await h.time.advance(1_000); // the first reconnect waits 750 ms with the injected random
    await h.until(() => h.lastState(home) === 'live', 'live again');
    expect(h.markCalls.at(-1)).toEqual({ columnKey: home, live: true });
    expect(h.server.streaming.connectionsOpened).toBe(2);

    const status = withId(fixture('status'), '112000000000000001');
    h.server.streaming.push('user', 'update', status);
    await h.until(
      () => h.itemsFor(home).some((item) => item.actionRef === status.id),
      'item after reconnect',
    );
  });

  it('asks for sign-in when the streaming server refuses the token, and stops retrying', async () => {
    h = await startLiveHarness({ accessToken: 'revoked-token' });
    const { columnKey } = h.streams.subscribe('col-home', mastodon('home'), true);
    await h.until(() => h.signInRequests.includes(ACCOUNT_ID), 'sign-in request');
    expect(h.streaming.isLive(columnKey)).toBe(false);
    expect(h.streaming.connectionCount()).toBe(0);
    await h.until(() => h.lastState(columnKey) === 'needs_sign_in', 'needs sign-in state');

    const attempts = upgrades();
    await h.time.advance(10 * 60_000);
    expect(upgrades()).toBe(attempts);

    await h.signedInAgain(h.server.token);
    await h.until(() => h.streaming.isLive(columnKey), 'live after signing in again');
    expect(upgrades()).toBe(attempts + 1);
  });

  it('asks for sign-in when a token revoked mid-stream is refused on reconnect', async () => {
    h = await startLiveHarness();
    const home = await subscribeLive('col-home');
    h.server.revokeToken(h.server.token);
    h.server.streaming.dropAll();
    await h.time.advance(1_000);
    await h.until(() => h.signInRequests.includes(ACCOUNT_ID), 'sign-in request');
    expect(h.streaming.connectionCount()).toBe(0);
    expect(h.streaming.isLive(home)).toBe(false);
    const refused = upgrades();
    await h.time.advance(60_000);
    expect(upgrades()).toBe(refused);
  });

  it('closes the socket when the last column on its source is unsubscribed', async () => {
    h = await startLiveHarness();
    await subscribeLive('col-a');
    await subscribeLive('col-b');
    await subscribeLive('col-notes', mastodon('notifications'));
    expect(h.server.streaming.openConnections).toBe(2);

    h.streams.unsubscribe('col-a');
    expect(h.streaming.connectionCount()).toBe(2);
    h.streams.unsubscribe('col-b');
    expect(h.streaming.connectionCount()).toBe(1);
    await h.until(() => h.server.streaming.openConnections === 1, 'home socket closed');
    h.streams.unsubscribe('col-notes');
    await h.until(() => h.server.streaming.openConnections === 0, 'every socket closed');
    expect(h.streaming.connectionCount()).toBe(0);
  });

  it('closes streams when offline and reopens them when back online', async () => {
    h = await startLiveHarness();
    const home = await subscribeLive('col-home');
    const notes = await subscribeLive('col-notes', mastodon('notifications'));
    expect(h.server.streaming.connectionsOpened).toBe(2);

    h.setOnline(false);
    await h.until(() => h.server.streaming.openConnections === 0, 'sockets closed');
    expect(h.streaming.connectionCount()).toBe(0);
    expect(h.lastState(home)).toBe('offline');
    expect(h.streaming.isLive(notes)).toBe(false);

    h.setOnline(true);
    await h.until(() => h.streaming.isLive(home) && h.streaming.isLive(notes), 'streams reopened');
    expect(h.server.streaming.connectionsOpened).toBe(4);
    await h.until(() => h.lastState(home) === 'live', 'live state');
  });

  it('closes streams on suspend and reopens them on resume', async () => {
    h = await startLiveHarness();
    const home = await subscribeLive('col-home');
    h.power('suspend');
    await h.until(() => h.server.streaming.openConnections === 0, 'socket closed');
    expect(h.lastState(home)).toBe('paused');
    h.power('resume');
    await h.until(() => h.streaming.isLive(home), 'stream reopened');
    expect(h.server.streaming.connectionsOpened).toBe(2);
  });
});
