// Column types against the documented Mastodon streaming channels (methods/streaming.md), and the bounded
// key memory used to deduplicate streamed items.
import { describe, expect, it } from 'vitest';
import type { ColumnType } from '../../../../src-shared/domain/column.ts';
import type { StreamItem } from '../../../../src-shared/domain/stream-item.ts';
import { createRecentKeys } from '../../../../src-main/streams/recent-keys.ts';
import { connectionKey, streamRouteFor } from '../../../../src-main/streams/stream-routes.ts';

const route = (type: ColumnType, param: string | null = null) =>
  streamRouteFor({ type, accountId: 'acc-1', param });

describe('stream routes', () => {
  it('maps each streamable column type to its documented channel', () => {
    expect(route('home')).toMatchObject({ stream: 'user', param: null, events: 'statuses' });
    expect(route('notifications')).toMatchObject({ stream: 'user:notification', events: 'notifications' });
    expect(route('mentions')).toMatchObject({ stream: 'user:notification', events: 'notifications' });
    expect(route('local')).toMatchObject({ stream: 'public:local' });
    expect(route('federated')).toMatchObject({ stream: 'public' });
    expect(route('conversations')).toMatchObject({ stream: 'direct' });
    expect(route('hashtag', '#Cats')).toMatchObject({ stream: 'hashtag', param: 'Cats' });
    expect(route('list', '42')).toMatchObject({ stream: 'list', param: '42' });
  });

  it('has no channel for search, author, feeds, RSS, or a hashtag or list without its parameter', () => {
    for (const type of ['search', 'author', 'feed', 'rss'] as const) expect(route(type, 'x')).toBeNull();
    expect(route('hashtag', ' # ')).toBeNull();
    expect(route('list', null)).toBeNull();
  });

  it('shares a connection between notifications and mentions but filters mentions by kind', () => {
    const notifications = route('notifications');
    const mentions = route('mentions');
    if (!notifications || !mentions) throw new Error('expected routes');
    expect(connectionKey('acc-1', notifications)).toBe(connectionKey('acc-1', mentions));
    expect(connectionKey('acc-2', mentions)).not.toBe(connectionKey('acc-1', mentions));
    const like = { kind: 'like' } as StreamItem;
    const mention = { kind: 'mention' } as StreamItem;
    expect([mentions.accepts(like), mentions.accepts(mention)]).toEqual([false, true]);
    expect([notifications.accepts(like), notifications.accepts(mention)]).toEqual([true, true]);
  });
});

describe('recent keys', () => {
  it('forgets the oldest keys past its limit, and a re-added key counts as new', () => {
    const keys = createRecentKeys(3);
    for (const key of ['a', 'b', 'c']) keys.add(key);
    keys.add('a');
    keys.add('d');
    expect(['a', 'b', 'c', 'd'].map((key) => keys.has(key))).toEqual([true, false, true, true]);
    expect(keys.size).toBe(3);
  });
});
