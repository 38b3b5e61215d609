// A post its author deleted on Mastodon leaves the deck at once: `streams:deleted` takes it, its boosts and
// notifications of it out of every column of that account, keeps unread counts and the pill right, and
// keeps late copies out. Main is the in-memory double; the deck and the hub are the real ones.
import { describe, expect, test } from 'vitest';
import { createClient } from '../../../src-renderer/bridge/client.ts';
import { createStreamHub } from '../../../src-renderer/features/streams/model/stream-hub.ts';
import type { StreamItem } from '../../../src-shared/domain/stream-item.ts';
import { homeSource, keyOf, mentionsSource, withColumns } from './support/columns.ts';
import { makeItem } from './support/items.ts';
import { createMemoryArchive } from './support/memory-archive.ts';
import { renderDeck } from './support/render-deck.tsx';
import { createStreamsMain } from './support/streams-main.ts';

const WAIT = { timeout: 5_000 };
const HOME = keyOf(homeSource);
const MENTIONS = keyOf(mentionsSource);

/** A status of account acc-1 whose instance-local id (actionRef) is `statusId`. */
function status(statusId: string, text: string): StreamItem {
  return makeItem({
    network: 'mastodon',
    remoteId: `https://social.example/users/alice/statuses/${statusId}`,
    actionRef: statusId,
    text,
  });
}

function boostOf(original: StreamItem, boostId: string): StreamItem {
  const uri = `https://social.example/users/bob/statuses/${boostId}/activity`;
  return { ...original, key: `mastodon:${uri}`, remoteId: uri, kind: 'repost' };
}

const deletion = (actionRef: string, accountId = 'acc-1') =>
  ({ accountId, network: 'mastodon', actionRef }) as const;

function setupHub() {
  const main = createStreamsMain();
  const archive = createMemoryArchive();
  const hub = createStreamHub({
    client: createClient(main.transport),
    archive,
    frames: { request: () => 0, cancel: () => undefined },
  });
  const stop = hub.start();
  return { main, archive, hub, stop };
}

const keys = (hub: ReturnType<typeof setupHub>['hub'], id: string) =>
  hub.column(id)!.buffer.rows.map((r) => r.key);

describe('deleted Mastodon posts in the deck', () => {
  test('the post and its boost leave every column that shows them, on screen', async () => {
    const { screen, main } = await renderDeck({
      prepare: withColumns(
        { title: 'Home', source: homeSource },
        { title: 'Mentions', source: mentionsSource },
      ),
    });
    await expect.poll(() => main.subscriptions.size, WAIT).toBe(2);
    const doomed = status('100', 'a post about to be deleted');
    const boost = { ...boostOf(doomed, '200'), text: 'a boost of the doomed post' };
    const kept = status('101', 'a post that stays');
    main.emitItems(HOME, [boost, kept, doomed]);
    main.emitItems(MENTIONS, [{ ...doomed, kind: 'mention' }]);
    await expect.element(screen.getByText('a boost of the doomed post'), WAIT).toBeVisible();
    await expect.poll(() => screen.getByText('a post about to be deleted').elements().length, WAIT).toBe(2);

    main.emit('streams:deleted', deletion('100'));
    await expect.element(screen.getByText('a boost of the doomed post'), WAIT).not.toBeInTheDocument();
    await expect.element(screen.getByText('a post about to be deleted')).not.toBeInTheDocument();
    await expect.element(screen.getByText('a post that stays')).toBeVisible();
  });

  test('keeps other accounts’ and other networks’ items with the same id, and the archive forgets only its own', async () => {
    const { main, archive, hub, stop } = setupHub();
    hub.attach('home', 'key-home');
    hub.attach('other', 'key-other');
    await new Promise((r) => setTimeout(r, 0));
    const doomed = status('100', 'doomed');
    const otherAccount = {
      ...status('100', 'same id, other account'),
      key: 'mastodon:x',
      accountId: 'acc-2',
    };
    const bluesky = { ...makeItem({ text: 'same id on bluesky' }), actionRef: '100' };
    main.emitItems('key-home', [doomed]);
    main.emitItems('key-other', [otherAccount, bluesky]);
    hub.flush();
    expect(archive.size()).toBe(3);

    main.emit('streams:deleted', deletion('100'));
    hub.flush();
    await expect.poll(() => archive.size(), WAIT).toBe(2);
    expect(keys(hub, 'home')).toEqual([]);
    expect(keys(hub, 'other')).toEqual([otherAccount.key, bluesky.key]);
    expect(await archive.search({ text: 'doomed' })).toEqual([]);
    expect(await archive.loadColumn('key-home', 10)).toEqual([]);
    stop();
  });

  test('unread counts and held arrivals shrink only by the deleted posts that were unread', async () => {
    const { main, hub, stop } = setupHub();
    const model = hub.attach('home', 'key-home');
    await new Promise((r) => setTimeout(r, 0));
    const read = [status('1', 'read one'), status('2', 'read two')];
    main.emitItems('key-home', read);
    hub.flush();
    expect(model.unread).toBe(0);

    hub.setHolding('home', true);
    const fresh = [status('3', 'new three'), status('4', 'new four'), status('5', 'new five')];
    main.emitItems('key-home', fresh);
    hub.flush();
    expect(model.unread).toBe(3);
    expect(model.buffer.held).toBe(3);

    // One held arrival and one post already read are deleted.
    main.emit('streams:deleted', deletion('4'));
    main.emit('streams:deleted', deletion('2'));
    hub.flush();
    expect(model.unread).toBe(2);
    expect(model.buffer.held).toBe(2);
    expect(keys(hub, 'home')).toEqual([fresh[0]!.key, fresh[2]!.key, read[0]!.key]);

    hub.release('home');
    expect(model.unread).toBe(0);
    stop();
  });

  test('a late copy of a deleted post stays out, from a poll or from the archive', async () => {
    const { main, archive, hub, stop } = setupHub();
    const doomed = status('100', 'doomed');
    hub.attach('home', 'key-home');
    await new Promise((r) => setTimeout(r, 0));
    main.emit('streams:deleted', deletion('100'));
    main.emitItems('key-home', [doomed, status('101', 'fine')]);
    hub.flush();
    expect(keys(hub, 'home')).toEqual([status('101', 'fine').key]);
    expect(await archive.search({ text: 'doomed' })).toEqual([]);

    // A column attached later reads what the archive held before the deletion reached it.
    const other = status('103', 'still there');
    archive.seed('key-mentions', [doomed, other]);
    hub.attach('mentions', 'key-mentions');
    await expect.poll(() => keys(hub, 'mentions'), WAIT).toEqual([other.key]);

    // Within one batch, an arrival before its deletion is shown then removed, and never stored.
    const quick = status('102', 'quickly regretted');
    main.emitItems('key-home', [quick]);
    main.emit('streams:deleted', deletion('102'));
    hub.flush();
    expect(keys(hub, 'home')).not.toContain(quick.key);
    await new Promise((r) => setTimeout(r, 0));
    expect(await archive.search({ text: 'regretted' })).toEqual([]);
    stop();
  });
});
