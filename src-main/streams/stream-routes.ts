// Which Mastodon streaming channel feeds which column type (the documented `stream` names of
// /api/v1/streaming), and which of that channel's events belong in the column.
import type { ColumnSource } from '../../src-shared/domain/column.ts';
import type { StreamItem } from '../../src-shared/domain/stream-item.ts';
import type { StreamName } from '../connectors/mastodon/streaming.ts';

export interface StreamRoute {
  readonly stream: StreamName;
  /** Tag for `hashtag`, list id for `list`; null otherwise. */
  readonly param: string | null;
  /** Which callback of the streaming client feeds the column. */
  readonly events: 'statuses' | 'notifications';
  /** Notification columns that show only some kinds (mentions). */
  readonly accepts: (item: StreamItem) => boolean;
}

const everything = (): boolean => true;

/** The channel for a column, or null when the column type has no streaming counterpart (search, author). */
export function streamRouteFor(source: ColumnSource): StreamRoute | null {
  const statuses = (stream: StreamName, param: string | null = null): StreamRoute => ({
    stream,
    param,
    events: 'statuses',
    accepts: everything,
  });
  switch (source.type) {
    case 'home':
      return statuses('user');
    case 'local':
      return statuses('public:local');
    case 'federated':
      return statuses('public');
    case 'conversations':
      return statuses('direct');
    case 'hashtag': {
      const tag = source.param?.trim().replace(/^#/, '').trim();
      return tag ? statuses('hashtag', tag) : null;
    }
    case 'list': {
      const list = source.param?.trim();
      return list ? statuses('list', list) : null;
    }
    case 'notifications':
      return { stream: 'user:notification', param: null, events: 'notifications', accepts: everything };
    case 'mentions':
      return {
        stream: 'user:notification',
        param: null,
        events: 'notifications',
        accepts: (item) => item.kind === 'mention',
      };
    default:
      return null;
  }
}

/** One connection per account and channel, shared by every column it feeds. */
export function connectionKey(accountId: string, route: StreamRoute): string {
  return [accountId, route.stream, route.param ?? ''].join('|');
}
