// How the post will look on each chosen account: its final text (with campaign tags), warning and images.
// Only what fits is laid out; the rest is summed up, so a very long draft stays cheap to preview.
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../../src-shared/domain/account.ts';
import { finalText } from '../model/build-post.ts';
import type { DraftContent, PostNetwork } from '../model/draft.ts';
import type { LengthResult } from '../model/limits.ts';
import { AccountAvatar } from '../../settings/accounts/account-avatar.tsx';

export const PostPreviews = memo(function PostPreviews({
  content,
  accounts,
  lengths,
}: {
  content: DraftContent;
  accounts: readonly Account[];
  lengths: ReadonlyMap<string, LengthResult>;
}) {
  const { t } = useTranslation();
  if (accounts.length === 0) return null;
  return (
    <section className="previews" aria-labelledby="previews-title">
      <h2 id="previews-title">{t('compose.previews')}</h2>
      {accounts.map((account) => (
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
          <PreviewText
            text={finalText(content, account.network as PostNetwork)}
            length={lengths.get(account.id)}
          />
          {content.media.length > 0 && (
            <p className="hint">{content.media.map((m) => m.alt || m.name).join(' · ')}</p>
          )}
        </article>
      ))}
    </section>
  );
});

function PreviewText({ text, length }: { text: string; length: LengthResult | undefined }) {
  const { t } = useTranslation();
  if (!length || length.overflowAt === null) return <p className="preview__text">{text}</p>;
  return (
    <p className="preview__text">
      {text.slice(0, length.overflowAt)}
      <mark className="preview__over">{t('compose.previewCut', { count: length.length - length.max })}</mark>
    </p>
  );
}
