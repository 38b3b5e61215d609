// One item of a column: author, text (facets or sanitised HTML), media, quote and reply context, counts,
// a collapsed content warning, and the inline actions. Everything shown here is untrusted network data.
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StreamItem } from '../../../../src-shared/domain/stream-item.ts';
import { useRoost } from '../../../app-context.tsx';
import { safeHttpUrl } from '../../../sanitize/safe-url.ts';
import { Avatar } from './avatar.tsx';
import { cardLabels } from './card-labels.ts';
import { LikeIcon, QuoteIcon, ReplyIcon, RepostIcon, ThreadIcon } from './card-icons.tsx';
import { HtmlBody } from './html-body.tsx';
import { InlineComposer } from './inline-composer.tsx';
import { isOwnItem, useItemActions } from './item-actions-context.ts';
import { ItemJobLine, SentEchoes } from './item-job-line.tsx';
import { ItemMoreMenu } from './item-more-menu.tsx';
import { MediaStrip } from './media-strip.tsx';
import { RelativeTime } from './relative-time.tsx';
import { RichText } from './rich-text.tsx';
import { FlaggedLinkGuard, ItemFlagBadges } from '../../shell/ui/protection-badges.tsx';

export interface ItemCardProps {
  readonly item: StreamItem;
  /** A fixed time to show relative times against; without it the card follows the shared minute clock. */
  readonly now?: number;
  readonly selected?: boolean;
  readonly replying?: boolean;
}

export const ItemCard = memo(function ItemCard({
  item,
  now,
  selected = false,
  replying = false,
}: ItemCardProps) {
  const { t, i18n } = useTranslation();
  const actions = useItemActions();
  const setReplying = useRoost((s) => s.setReplying);
  const replyMode = useRoost((s) => s.replyMode);
  const [error, setError] = useState<string | null>(null);
  const url = safeHttpUrl(item.url);
  const canAct = actions !== null && actions.accountId !== null && item.network !== 'rss';
  const labels = cardLabels(i18n);
  const repostLabel =
    item.viewer.reposted !== null
      ? labels.undoRepost
      : item.network === 'mastodon'
        ? labels.boost
        : labels.repost;
  const body = (
    <FlaggedLinkGuard flags={item.flags}>
      {item.title && <h3 className="item__title">{item.title}</h3>}
      {item.html ? <HtmlBody html={item.html} /> : <RichText text={item.text} facets={item.facets} />}
      <MediaStrip media={item.media} />
      {item.quote && (
        <blockquote className="item__quote">
          <span className="item__quote-author">
            {item.quote.author.displayName || item.quote.author.handle}{' '}
            <span className="item__handle">@{item.quote.author.handle}</span>
          </span>
          <span className="item__quote-text">{item.quote.text}</span>
        </blockquote>
      )}
    </FlaggedLinkGuard>
  );

  const run = (promise: Promise<string | null>) => {
    setError(null);
    void promise.then((message) => setError(message));
  };

  return (
    <article
      className="item"
      data-item-key={item.key}
      data-selected={selected || undefined}
      aria-current={selected || undefined}
      onClick={(e) => {
        if ((e.target as HTMLElement).closest('a, button, textarea, input, summary')) return;
        actions?.select(item);
      }}
    >
      {item.via && (
        <p className="item__context">
          {t('streams.item.via', { name: item.via.displayName || item.via.handle })}
        </p>
      )}
      {item.replyTo && (
        <p className="item__context">
          {item.replyTo.authorHandle
            ? t('streams.item.replyTo', { handle: item.replyTo.authorHandle })
            : t('streams.item.reply')}
        </p>
      )}
      <header className="item__author">
        <Avatar url={item.author.avatarUrl} name={item.author.displayName || item.author.handle} />
        <span className="item__names">
          <span className="item__name">{item.author.displayName || item.author.handle}</span>
          {/* A feed has no account handle: its "handle" is the site's host, which says nothing the
              author (or the feed's own title, when the item names no author) does not. */}
          {item.network !== 'rss' && <span className="item__handle">@{item.author.handle}</span>}
        </span>
        <RelativeTime iso={item.createdAt} now={now} locale={i18n.language} />
      </header>
      <ItemFlagBadges flags={item.flags} />
      {item.contentWarning ? (
        <details className="item__cw">
          <summary>{t('streams.item.contentWarning', { warning: item.contentWarning })}</summary>
          {body}
        </details>
      ) : (
        body
      )}
      {/* Each counted action's name ends with its visible count, so speech input ("click 3") and screen
          readers agree with what is drawn (WCAG 2.5.3, label in name). */}
      <footer className="item__actions">
        {canAct && (
          <>
            <button
              type="button"
              className="item__action"
              aria-label={`${labels.reply} ${item.counts.replies}`}
              title={`${labels.reply} (r)`}
              aria-expanded={replying && replyMode === 'reply'}
              onClick={() => setReplying(replying && replyMode === 'reply' ? null : item.key, 'reply')}
            >
              {ReplyIcon} <span className="item__count">{item.counts.replies}</span>
            </button>
            <button
              type="button"
              className="item__action"
              aria-pressed={item.viewer.reposted !== null}
              aria-label={`${repostLabel} ${item.counts.reposts}`}
              title={`${repostLabel} (b)`}
              onClick={() =>
                run(actions.publish(item.viewer.reposted !== null ? 'unrepost' : 'repost', item))
              }
            >
              {RepostIcon} <span className="item__count">{item.counts.reposts}</span>
            </button>
            <button
              type="button"
              className="item__action"
              aria-pressed={item.viewer.liked !== null}
              aria-label={`${labels.like} ${item.counts.likes}`}
              title={`${labels.like} (l)`}
              onClick={() => run(actions.toggleLike(item))}
            >
              {LikeIcon} <span className="item__count">{item.counts.likes}</span>
            </button>
            <button
              type="button"
              className="item__action"
              aria-label={`${labels.quote} ${item.counts.quotes}`}
              title={labels.quote}
              aria-expanded={replying && replyMode === 'quote'}
              onClick={() => setReplying(replying && replyMode === 'quote' ? null : item.key, 'quote')}
            >
              {QuoteIcon} <span className="item__count">{item.counts.quotes}</span>
            </button>
            <button
              type="button"
              className="item__action"
              aria-label={labels.thread}
              title={labels.thread}
              onClick={() => actions.openThread(item)}
            >
              {ThreadIcon}
            </button>
          </>
        )}
        {(url || actions) && (
          <ItemMoreMenu
            url={url}
            moreLabel={labels.more}
            muteLabel={() =>
              item.network === 'rss'
                ? t('streams.item.muteSite', { host: item.author.handle })
                : t('streams.item.mute', { handle: item.author.handle })
            }
            onMute={actions ? () => actions.muteAuthor(item) : null}
            onDelete={
              canAct && isOwnItem(item, actions.account) ? () => run(actions.publish('delete', item)) : null
            }
          />
        )}
      </footer>
      {error && (
        <p className="item__error" role="alert">
          {error}
        </p>
      )}
      {actions && <ItemJobLine jobs={actions.jobs} itemKey={item.key} />}
      <SentEchoes subjectId={item.remoteId} />
      {replying && canAct && <InlineComposer item={item} mode={replyMode} />}
    </article>
  );
});
