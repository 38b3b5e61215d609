// Turns validated Mastodon entities into Roost's StreamItem. Pure: the caller passes the account, the
// instance origin (to resolve local handles to a server) and when the item was seen.
import {
  contentlessItem,
  itemKey,
  type Author,
  type Media,
  type StreamItem,
} from '../../../src-shared/domain/stream-item.ts';
import type {
  MastodonAccount,
  MastodonConversation,
  MastodonMediaAttachment,
  MastodonNotification,
  MastodonStatus,
  MastodonStatusCore,
} from './entities.ts';
import { htmlToText } from './html-text.ts';

export interface NormaliseContext {
  /** The Roost account that fetched it. */
  readonly accountId: string;
  /** Instance origin, e.g. https://mastodon.social: the server of accounts whose acct has no domain. */
  readonly origin: string;
  readonly seenAt: string;
}

export function normaliseAccount(account: MastodonAccount, ctx: NormaliseContext): Author {
  const at = account.acct.indexOf('@');
  const server = at >= 0 ? account.acct.slice(at + 1) : new URL(ctx.origin).host;
  const handle = at >= 0 ? account.acct : `${account.acct}@${server}`;
  return {
    id: account.uri ?? account.url ?? `${ctx.origin}/accounts/${account.id}`,
    handle,
    displayName: account.display_name.trim() || account.username,
    avatarUrl: httpUrl(account.avatar),
    profileUrl: httpUrl(account.url),
    server,
    location: null,
  };
}

export function normaliseStatus(status: MastodonStatus, ctx: NormaliseContext): StreamItem {
  const original = status.reblog ?? null;
  if (original) {
    const item = fromCore(original, ctx, 'repost');
    // The boost has its own URI, so two people boosting the same post are two rows; actions target the original.
    return {
      ...item,
      key: itemKey('mastodon', status.uri),
      remoteId: status.uri,
      via: normaliseAccount(status.account, ctx),
      createdAt: status.created_at,
    };
  }
  return fromCore(status, ctx, kindOf(status));
}

export function normaliseNotification(
  notification: MastodonNotification,
  ctx: NormaliseContext,
): StreamItem | null {
  const status = notification.status ?? null;
  const actor = normaliseAccount(notification.account, ctx);
  if (notification.type === 'mention' && status) return { ...normaliseStatus(status, ctx), kind: 'mention' };
  const kind = notificationKind(notification.type);
  if (!kind) return null;
  const base = status ? normaliseStatus(status, ctx) : emptyItem(ctx, notification.created_at, actor);
  // Each notification is its own row; it points at the status (actionRef) so actions still work.
  const remoteId = `${ctx.origin}/notifications/${notification.id}`;
  return {
    ...base,
    key: itemKey('mastodon', remoteId),
    remoteId,
    kind,
    author: kind === 'post' ? base.author : actor,
    via: kind === 'post' ? base.via : null,
    createdAt: notification.created_at,
  };
}

export function normaliseConversation(
  conversation: MastodonConversation,
  ctx: NormaliseContext,
): StreamItem | null {
  if (!conversation.last_status) return null;
  return { ...normaliseStatus(conversation.last_status, ctx), kind: 'dm' };
}

function notificationKind(type: string): StreamItem['kind'] | null {
  switch (type) {
    case 'favourite':
      return 'like';
    case 'reblog':
      return 'repost';
    case 'follow':
      return 'follow';
    case 'quote':
      return 'quote';
    case 'status':
    case 'update':
    case 'poll':
      return 'post';
    default:
      return null;
  }
}

function kindOf(status: MastodonStatusCore): StreamItem['kind'] {
  if (status.visibility === 'direct') return 'dm';
  return status.in_reply_to_id ? 'reply' : 'post';
}

function fromCore(status: MastodonStatusCore, ctx: NormaliseContext, kind: StreamItem['kind']): StreamItem {
  const { text, facets } = htmlToText(status.content, status.mentions);
  const replyMention = status.mentions.find((mention) => mention.id === status.in_reply_to_account_id);
  return {
    key: itemKey('mastodon', status.uri),
    network: 'mastodon',
    accountId: ctx.accountId,
    kind,
    remoteId: status.uri,
    actionRef: status.id,
    url: httpUrl(status.url) ?? httpUrl(status.uri),
    author: normaliseAccount(status.account, ctx),
    via: null,
    title: null,
    text,
    html: status.content,
    facets,
    media: status.media_attachments.map(normaliseMedia).filter((media): media is Media => media !== null),
    lang: status.language ?? null,
    contentWarning: status.spoiler_text.trim() || null,
    replyTo: status.in_reply_to_id
      ? {
          remoteId: status.in_reply_to_id,
          authorHandle:
            replyMention?.acct ??
            (status.in_reply_to_account_id === status.account.id ? status.account.acct : null),
        }
      : null,
    quote: null,
    counts: {
      replies: status.replies_count,
      reposts: status.reblogs_count,
      likes: status.favourites_count,
      quotes: status.quotes_count ?? 0,
    },
    // Mastodon has no separate like/boost record: the status id is what unfavourite/unreblog need.
    viewer: {
      liked: status.favourited ? status.id : null,
      reposted: status.reblogged ? status.id : null,
    },
    createdAt: status.created_at,
    seenAt: ctx.seenAt,
  };
}

function normaliseMedia(media: MastodonMediaAttachment): Media | null {
  const url = httpUrl(media.url) ?? httpUrl(media.remote_url);
  if (!url) return null;
  const kind = (['image', 'video', 'gifv', 'audio'] as const).find((k) => k === media.type) ?? 'unknown';
  const size = media.meta?.original;
  return {
    kind,
    url,
    thumbUrl: httpUrl(media.preview_url),
    alt: media.description ?? '',
    width: size?.width !== undefined ? Math.round(size.width) : null,
    height: size?.height !== undefined ? Math.round(size.height) : null,
  };
}

function emptyItem(ctx: NormaliseContext, createdAt: string, author: Author): StreamItem {
  return contentlessItem(
    {
      key: '',
      network: 'mastodon',
      accountId: ctx.accountId,
      kind: 'follow',
      remoteId: '',
      actionRef: null,
      url: author.profileUrl,
      author,
    },
    { createdAt, seenAt: ctx.seenAt },
  );
}

function httpUrl(raw: string | null | undefined): string | null {
  if (!raw) return null;
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : null;
  } catch {
    return null;
  }
}
