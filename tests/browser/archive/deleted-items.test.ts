// Posts deleted on Mastodon leave the archive: removeDeleted through the real archive worker and IndexedDB,
// then the stream hub turning a `streams:deleted` event into that removal, boosts of the post included.
import { afterEach, describe, expect, test } from 'vitest';
import { createArchive } from '../../../src-renderer/archive/create-archive.ts';
import { postRef } from '../../../src-renderer/archive/ingest/item-doc.ts';
import { createClient } from '../../../src-renderer/bridge/client.ts';
import { openRoostDb } from '../../../src-renderer/db/roost-db.ts';
import { createStreamHub } from '../../../src-renderer/features/streams/model/stream-hub.ts';
import type { StreamItem } from '../../../src-shared/domain/stream-item.ts';
import { createStreamsMain } from '../streams/support/streams-main.ts';
import { daysAgo, makeItem, uniqueDbName } from './make-item.ts';

type Archive = ReturnType<typeof createArchive>;
const open: Archive[] = [];
function start(dbName: string): Archive {
  const archive = createArchive({ dbName });
  open.push(archive);
  return archive;
}
afterEach(() => {
  for (const a of open.splice(0)) a.close();
});

async function countRows(dbName: string): Promise<number> {
  const db = await openRoostDb({ name: dbName });
  try {
    return await db.table('items').count();
  } finally {
    db.close();
  }
}

/** A Mastodon status of account acct-1; `statusId` is its instance-local id (the actionRef). */
function status(statusId: string, text: string, days = 0.1): StreamItem {
  const uri = `https://social.example/users/alice/statuses/${statusId}`;
  return {
    ...makeItem({ id: uri, text, network: 'mastodon', createdAt: daysAgo(days) }),
    actionRef: statusId,
  };
}

/** Someone's boost of `original`: its own key, the original's actionRef. */
function boostOf(original: StreamItem, boostId: string): StreamItem {
  const uri = `https://social.example/users/bob/statuses/${boostId}/activity`;
  return { ...original, key: `mastodon:${uri}`, remoteId: uri, kind: 'repost' };
}

const deletion = (actionRef: string, accountId = 'acct-1') =>
  ({ network: 'mastodon', accountId, actionRef }) as const;

describe('archive removeDeleted', () => {
  test('forgets the items in every column, for search and column reads, and after reopening', async () => {
    const name = uniqueDbName('remove');
    const archive = start(name);
    const doomed = status('100', 'flamingo sighting at the harbour');
    const boost = boostOf(doomed, '200');
    const kept = status('101', 'flamingo festival next week', 0.2);
    await archive.ingest('home', [boost, doomed, kept]);
    await archive.ingest('mentions', [doomed]);
    await archive.whenIdle();
    expect((await archive.search({ text: 'flamingo' })).map((h) => h.item.key).sort()).toEqual(
      [boost.key, doomed.key, kept.key].sort(),
    );

    await archive.removeDeleted([deletion('100'), deletion('never-stored')]);
    await archive.whenIdle();

    expect((await archive.search({ text: 'flamingo' })).map((h) => h.item.key)).toEqual([kept.key]);
    expect(await archive.search({ text: 'harbour' })).toEqual([]);
    expect((await archive.loadColumn('home', 10)).map((i) => i.key)).toEqual([kept.key]);
    expect(await archive.loadColumn('mentions', 10)).toEqual([]);
    const stats = await archive.stats();
    expect(stats.liveItems).toBe(1);
    expect(stats.memberships).toBe(1);
    expect(await countRows(name)).toBe(1);

    // The removal is part of the persisted index, not only of the worker's memory.
    archive.close();
    const reopened = start(name);
    expect(await reopened.search({ text: 'harbour' })).toEqual([]);
    expect((await reopened.loadColumn('home', 10)).map((i) => i.key)).toEqual([kept.key]);
    expect((await reopened.stats()).indexLoad.source).toBe('segments');
  });

  test('an item ingested again after its removal comes back; bad keys are refused', async () => {
    const archive = start(uniqueDbName('remove-again'));
    const item = status('300', 'pelican report');
    await archive.ingest('home', [item]);
    await archive.removeDeleted([deletion('300')]);
    expect(await archive.search({ text: 'pelican' })).toEqual([]);
    await archive.ingest('home', [item]);
    expect((await archive.search({ text: 'pelican' })).map((h) => h.item.key)).toEqual([item.key]);
    await expect(archive.removeDeleted([deletion('')])).rejects.toThrow(/non-empty strings/);
    await expect(archive.removeDeleted([{ accountId: 'acct-1', actionRef: '300' } as never])).rejects.toThrow(
      /network, accountId, actionRef/,
    );
  });

  test('finds copies no column shows any more, and only those of the account that saw the post', async () => {
    const name = uniqueDbName('remove-unseen');
    const archive = start(name);
    const doomed = status('500', 'osprey diving at dawn', 3);
    // A boost and a notification stored days ago, that the deck no longer has loaded in any column.
    const boost = boostOf(doomed, '501');
    const notification: StreamItem = {
      ...doomed,
      key: 'mastodon:https://social.example/notifications/77',
      remoteId: 'https://social.example/notifications/77',
      kind: 'like',
    };
    const sameIdElsewhere: StreamItem = { ...doomed, key: 'mastodon:other.example/500', accountId: 'acct-2' };
    await archive.ingest('home', [boost, doomed]);
    await archive.ingest('notifications', [notification]);
    await archive.ingest('home-2', [sameIdElsewhere]);
    archive.close();

    const reopened = start(name);
    await reopened.removeDeleted([deletion('500')]);
    expect((await reopened.search({ text: 'osprey' })).map((h) => h.item.key)).toEqual([sameIdElsewhere.key]);
    expect(await reopened.loadColumn('notifications', 10)).toEqual([]);
    expect(await countRows(name)).toBe(1);
    // Nothing of the post reference is searchable.
    expect(await reopened.search({ text: 'ref mastodon acct-2 500' })).toEqual([]);
  });

  test('a post whose reference collides with the deleted one stays', async () => {
    // Two Mastodon status ids of one account whose 32-bit post references are equal (found by search).
    const [deletedId, sameRefId] = ['982502510759', '808126701983'];
    expect(postRef('mastodon', 'acct-1', deletedId)).toBe(postRef('mastodon', 'acct-1', sameRefId));
    const name = uniqueDbName('remove-collision');
    const archive = start(name);
    const doomed = status(deletedId, 'kingfisher by the weir');
    const innocent = status(sameRefId, 'kingfisher nest found', 0.2);
    await archive.ingest('home', [doomed, innocent]);
    await archive.removeDeleted([deletion(deletedId)]);
    expect((await archive.search({ text: 'kingfisher' })).map((h) => h.item.key)).toEqual([innocent.key]);
    expect(await countRows(name)).toBe(1);
  });
});

describe('a deleted post through the hub into the archive', () => {
  test('the post and its boost leave the columns and the archive search; other accounts keep theirs', async () => {
    const archive = start(uniqueDbName('hub-delete'));
    const main = createStreamsMain();
    const hub = createStreamHub({
      client: createClient(main.transport),
      archive,
      frames: { request: () => 0, cancel: () => undefined },
    });
    const stop = hub.start();
    hub.attach('home', 'key-home');
    hub.attach('notifications', 'key-notifications');
    hub.attach('other', 'key-other');
    await new Promise((r) => setTimeout(r, 0));

    const doomed = status('100', 'heron nesting on the pier');
    const boost = boostOf(doomed, '200');
    const kept = status('101', 'heron count this morning', 0.2);
    const notification: StreamItem = {
      ...doomed,
      key: 'mastodon:https://social.example/notifications/9',
      remoteId: 'https://social.example/notifications/9',
      kind: 'like',
    };
    // Same instance-local id, but another account's (another instance's) status, and a Bluesky item.
    const otherAccount: StreamItem = { ...doomed, key: 'mastodon:elsewhere/100', accountId: 'acct-2' };
    const bluesky: StreamItem = {
      ...makeItem({ id: 'bsky-100', text: 'heron on bluesky' }),
      actionRef: '100',
    };
    main.emitItems('key-home', [boost, doomed, kept]);
    main.emitItems('key-notifications', [notification]);
    main.emitItems('key-other', [otherAccount, bluesky]);
    hub.flush();
    await archive.whenIdle();
    expect(await archive.search({ text: 'heron' })).toHaveLength(6);

    main.emit('streams:deleted', { accountId: 'acct-1', network: 'mastodon', actionRef: '100' });
    hub.flush();
    await archive.whenIdle();

    const keysOf = (id: string) => hub.column(id)!.buffer.rows.map((r) => r.key);
    expect(keysOf('home')).toEqual([kept.key]);
    expect(keysOf('notifications')).toEqual([]);
    expect(keysOf('other')).toEqual([otherAccount.key, bluesky.key]);
    expect((await archive.search({ text: 'heron' })).map((h) => h.item.key).sort()).toEqual(
      [bluesky.key, kept.key, otherAccount.key].sort(),
    );

    // A late copy (a poll that raced the deletion) stays out of the column and the archive.
    main.emitItems('key-home', [doomed]);
    hub.flush();
    await archive.whenIdle();
    expect(keysOf('home')).toEqual([kept.key]);
    expect((await archive.search({ text: 'nesting' })).map((h) => h.item.key)).toEqual([otherAccount.key]);
    stop();
  });
});
