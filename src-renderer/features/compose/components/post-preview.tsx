// How the post will look on each chosen account: its final text (with campaign tags), warning and images,
// then each follow-up of the thread with its own images.
// Only what fits is laid out; the rest is summed up, so a very long draft stays cheap to preview.
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../../src-shared/domain/account.ts';
import { finalFollowUps, finalText } from '../model/build-post.ts';
import type { DraftContent, DraftMedia, PostNetwork } from '../model/draft.ts';
import type { LengthResult } from '../model/limits.ts';
import { AccountAvatar } from '../../shell/ui/account-avatar.tsx';
import { facetsFor, type RichTextView } from '../model/use-rich-text.ts';
import type { RichTextFacet } from '../../../../src-shared/contract/compose-contract.ts';
import { FacetedText } from './faceted-text.tsx';

export const PostPreviews = memo(function PostPreviews({
  content,
  accounts,
  lengths,
  richText,
}: {
  content: DraftContent;
  accounts: readonly Account[];
  lengths: ReadonlyMap<string, LengthResult>;
  /** Bluesky's view of the Bluesky variant: the post first, then its follow-ups. */
  richText: RichTextView | null;
}) {
  const { t } = useTranslation();
  if (accounts.length === 0) return null;
  return (
    <section className="previews" aria-labelledby="previews-title">
      <h2 id="previews-title">{t('compose.previews')}</h2>
      {accounts.map((account) => {
        // Only Bluesky turns text into facets; Mastodon's preview stays as typed.
        const view = account.network === 'bluesky' ? richText : null;
        const text = finalText(content, account.network as PostNetwork);
        return (
          <article
            key={account.id}
            className="preview"
            data-network={account.network}
            aria-label={t('compose.previewFor', { account: `@${account.handle}` })}
            data-testid={`preview-${account.handle}`}
          >
            <header className="preview__head">
              <AccountAvatar account={account} />
              <span>
                <strong>{account.displayName || account.handle}</strong>{' '}
                <span className="hint">@{account.handle}</span>
              </span>
            </header>
            {content.contentWarning && account.network === 'mastodon' && (
              <p className="preview__warning">{content.contentWarning}</p>
            )}
            <PreviewText text={text} length={lengths.get(account.id)} facets={facetsFor(view, 0, text)} />
            <PreviewMedia media={content.media} />
            {finalFollowUps(content, account.network as PostNetwork).map((followUp, i) => (
              <div key={i} className="preview__follow-up">
                <p className="preview__text">
                  <FacetedText text={followUp.text} facets={facetsFor(view, i + 1, followUp.text)} />
                </p>
                <PreviewMedia media={followUp.media} />
              </div>
            ))}
          </article>
        );
      })}
    </section>
  );
});

function PreviewMedia({ media }: { media: readonly DraftMedia[] }) {
  if (media.length === 0) return null;
  return <p className="hint">{media.map((m) => m.alt || m.name).join(' · ')}</p>;
}

function PreviewText({
  text,
  length,
  facets,
}: {
  text: string;
  length: LengthResult | undefined;
  facets: readonly RichTextFacet[];
}) {
  const { t } = useTranslation();
  if (!length || length.overflowAt === null)
    return (
      <p className="preview__text">
        <FacetedText text={text} facets={facets} />
      </p>
    );
  return (
    <p className="preview__text">
      <FacetedText text={text.slice(0, length.overflowAt)} facets={facets} />
      <mark className="preview__over">{t('compose.previewCut', { count: length.length - length.max })}</mark>
    </p>
  );
}
