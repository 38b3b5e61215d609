// Shown while the user signs in on their server's page in the browser; main ends it with accounts:signIn.
import { useTranslation } from 'react-i18next';

export interface MastodonWaitingProps {
  /** Already checked to be an http(s) address. */
  readonly authorizeUrl: string;
  readonly busy: boolean;
  readonly onUseCode: () => void;
  readonly onCancel: () => void;
}

export function MastodonWaiting({ authorizeUrl, busy, onUseCode, onCancel }: MastodonWaitingProps) {
  const { t } = useTranslation();
  return (
    <div className="mastodon-waiting" data-testid="mastodon-waiting">
      <p role="status">{t('accounts.mastodon.waiting')}</p>
      <p className="hint">
        {t('accounts.mastodon.waitingHint')}{' '}
        <a href={authorizeUrl} target="_blank" rel="noopener noreferrer">
          {t('accounts.mastodon.openAgain')}
        </a>
      </p>
      <div className="form-actions">
        <button type="button" className="link-button" disabled={busy} onClick={onUseCode}>
          {t('accounts.mastodon.useCode')}
        </button>
        <button type="button" className="button" disabled={busy} onClick={onCancel}>
          {t('accounts.mastodon.cancel')}
        </button>
      </div>
    </div>
  );
}
