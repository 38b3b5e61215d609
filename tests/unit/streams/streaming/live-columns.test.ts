// Live Mastodon columns end to end inside main: streamed events become `streams:items` events for the right
// columns, shared sockets, deduplication against polled items. Runs against the replay server (documented
// example responses over real HTTP and WebSocket on loopback, not a real Mastodon).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  completeNotification,
  fixture,
  withId,
  type JsonObject,
} from '../../../support/mastodon-replay/fixtures.ts';
import { mastodon, startLiveHarness, type LiveHarness } from './live-harness.ts';

let h: LiveHarness;
beforeEach(async () => {
  h = await startLiveHarness();
});
afterEach(async () => {
  await h.close();
});

let nextId = 111_000_000_000_000_000n;
function freshStatus(): JsonObject {
  nextId += 1n;
  return withId(fixture('status'), String(nextId));
}

function upgrades(stream: string) {
  return h.server.requestsTo('UPGRADE', '/api/v1/streaming').filter((r) => r.query.get('stream') === stream);
}

async function subscribeLive(columnId: string, source = mastodon('home')): Promise<string> {
  const { columnKey } = h.streams.subscribe(columnId, source, true);
  await h.until(() => h.streaming.isLive(columnKey), `${columnId} streaming`);
  return columnKey;
}

describe('live Mastodon columns', () => {
  it('delivers an update event as a streams:items event for the home column, which shows live', async () => {
    const home = await subscribeLive('col-home');
    expect(upgrades('user')).toHaveLength(1);
    await h.until(() => h.lastState(home) === 'live', 'live state');

    const status = freshStatus();
    expect(h.server.streaming.push('user', 'update', status)).toBe(1);
    await h.until(() => h.itemsFor(home).some((item) => item.actionRef === status.id), 'streamed item');

    const streamed = h.items.find((e) => e.items.some((item) => item.actionRef === status.id));
    expect(streamed).toMatchObject({ columnKey: home, position: 'newer' });
    expect(streamed?.items).toHaveLength(1);
    expect(streamed?.items[0]).toMatchObject({ network: 'mastodon', accountId: 'acc-1', kind: 'post' });
  });

  it('does not deliver again what the poller already delivered, nor a repeated event', async () => {
    const home = await subscribeLive('col-home');
    await h.until(() => h.itemsFor(home).length > 0, 'first poll');
    const polled = h.server.timelines.get('home')?.[0] as JsonObject;
    const polledKey = h.itemsFor(home).find((item) => item.actionRef === polled.id)?.key;
    expect(polledKey).toBeDefined();

    const fresh = freshStatus();
    const marker = freshStatus();
    h.server.streaming.push('user', 'update', polled);
    h.server.streaming.push('user', 'update', fresh);
    h.server.streaming.push('user', 'update', fresh);
    h.server.streaming.push('user', 'update', marker);
    await h.until(() => h.itemsFor(home).some((item) => item.actionRef === marker.id), 'marker');

    const count = (id: unknown) => h.itemsFor(home).filter((item) => item.actionRef === id).length;
    expect(count(polled.id)).toBe(1);
    expect(count(fresh.id)).toBe(1);
  });

  it('gives the mentions column only mention notifications, the notifications column every kind', async () => {
    const mentions = await subscribeLive('col-mentions', mastodon('mentions'));
    const notifications = await subscribeLive('col-notifications', mastodon('notifications'));
    // Both read the same documented channel, so they share its socket.
    expect(upgrades('user:notification')).toHaveLength(1);
    expect(h.server.streaming.openConnections).toBe(1);

    const documented = fixture<JsonObject[]>('notifications').map(completeNotification);
    const favourite = { ...(documented[1] as JsonObject), id: '39000001' };
    const mention = {
      ...fixture('notification-mention-streamed'),
      id: '39000002',
      status: freshStatus(),
    };
    h.server.streaming.push('user:notification', 'notification', favourite);
    h.server.streaming.push('user:notification', 'notification', mention);
    const mentionStatusId = (mention.status as JsonObject).id;
    await h.until(
      () =>
        h.itemsFor(mentions).some((i) => i.actionRef === mentionStatusId) &&
        h.itemsFor(notifications).some((i) => i.actionRef === mentionStatusId),
      'the mention in both columns',
    );

    const favouriteKey = `mastodon:${h.server.origin}/notifications/39000001`;
    expect(
      h
        .itemsFor(notifications)
        .filter((i) => i.key === favouriteKey)
        .map((i) => i.kind),
    ).toEqual(['like']);
    expect(h.itemsFor(mentions).some((i) => i.key === favouriteKey)).toBe(false);
    expect(h.itemsFor(mentions).find((i) => i.actionRef === mentionStatusId)?.kind).toBe('mention');
  });

  it('shares one socket between two columns on one source and emits each item once for it', async () => {
    const first = await subscribeLive('col-a');
    const second = await subscribeLive('col-b');
    expect(second).toBe(first);
    expect(upgrades('user')).toHaveLength(1);
    expect(h.server.streaming.openConnections).toBe(1);
    expect(h.streaming.connectionCount()).toBe(1);

    const status = freshStatus();
    h.server.streaming.push('user', 'update', status);
    await h.until(() => h.itemsFor(first).some((item) => item.actionRef === status.id), 'streamed item');
    expect(h.items.filter((e) => e.items.some((item) => item.actionRef === status.id))).toHaveLength(1);
  });

  it('opens hashtag and list streams with their parameter and routes their events', async () => {
    const cats = await subscribeLive('col-cats', mastodon('hashtag', '#cats'));
    const list = await subscribeLive('col-list', mastodon('list', '1'));
    expect(upgrades('hashtag').map((r) => r.query.get('tag'))).toEqual(['cats']);
    expect(upgrades('list').map((r) => r.query.get('list'))).toEqual(['1']);

    const tagged = freshStatus();
    const listed = freshStatus();
    h.server.streaming.push('hashtag', 'update', tagged, { tag: 'cats' });
    h.server.streaming.push('list', 'update', listed, { list: '1' });
    await h.until(
      () =>
        h.itemsFor(cats).some((i) => i.actionRef === tagged.id) &&
        h.itemsFor(list).some((i) => i.actionRef === listed.id),
      'both items',
    );
    expect(h.itemsFor(cats).some((i) => i.actionRef === listed.id)).toBe(false);
    expect(h.itemsFor(list).some((i) => i.actionRef === tagged.id)).toBe(false);
  });

  it('emits a delete event once per account, however many of its streams carry it, and no items', async () => {
    const home = await subscribeLive('col-home');
    const cats = await subscribeLive('col-cats', mastodon('hashtag', '#cats'));
    await h.until(() => h.itemsFor(home).length > 0, 'first poll');
    const before = h.items.length;
    const deletedId = String(fixture('ws-event-delete').payload);
    const marker = freshStatus();
    h.server.streaming.push('user', 'delete', deletedId);
    h.server.streaming.push('hashtag', 'delete', deletedId, { tag: 'cats' });
    h.server.streaming.push('user', 'update', marker);
    await h.until(() => h.deletions.length > 0, 'deletion');
    await h.until(() => h.itemsFor(home).some((item) => item.actionRef === marker.id), 'marker');
    // The hashtag socket's copy may trail the user socket's marker: wait for a later event on it too.
    const tagged = freshStatus();
    h.server.streaming.push('hashtag', 'update', tagged, { tag: 'cats' });
    await h.until(() => h.itemsFor(cats).some((item) => item.actionRef === tagged.id), 'tagged marker');

    expect(h.deletions).toEqual([{ accountId: 'acc-1', actionRef: deletedId }]);
    expect(
      h.items
        .slice(before)
        .flatMap((e) => e.items.map((i) => i.actionRef))
        .sort(),
    ).toEqual([marker.id, tagged.id].sort());
    expect(h.streaming.isLive(home)).toBe(true);
  });
});
