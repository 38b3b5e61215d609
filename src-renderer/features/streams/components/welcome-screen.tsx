// The first screen with no account and no column: three ways forward — an account, an RSS feed, or the local
// sandbox when one is running (main finds it and adds its brand account; no password passes through here).
import { FlaskConical, Rss, UserPlus } from 'lucide-react';
import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SandboxStatus } from '../../../../src-shared/contract/sandbox-contract.ts';
import { useServices } from '../../../app-context.tsx';
import { safeHttpUrl } from '../../../sanitize/safe-url.ts';
import { KeyringHelp } from '../../shell/ui/keyring-help.tsx';

export interface WelcomeScreenProps {
  /** Adds an RSS column for a checked http(s) URL. */
  onAddFeed(url: string): void;
}

export function WelcomeScreen({ onAddFeed }: WelcomeScreenProps) {
  const { t } = useTranslation();
  const { store } = useServices();
  return (
    <section className="welcome" aria-labelledby="welcome-title" data-testid="welcome">
      <h2 id="welcome-title" className="welcome__title">
        {t('welcome.title')}
      </h2>
      <p className="welcome__intro">{t('welcome.intro')}</p>
      <KeyringHelp />
      <ul className="welcome__ways">
        <li className="welcome__way">
          <UserPlus aria-hidden="true" className="welcome__icon" />
          <h3>{t('welcome.account.title')}</h3>
          <p>{t('welcome.account.body')}</p>
          <button
            type="button"
            className="button button--primary"
            onClick={() => store.getState().navigate('settings', 'accounts')}
          >
            {t('welcome.account.action')}
          </button>
        </li>
        <li className="welcome__way">
          <Rss aria-hidden="true" className="welcome__icon" />
          <h3>{t('welcome.feed.title')}</h3>
          <FeedForm onAddFeed={onAddFeed} />
        </li>
        <li className="welcome__way">
          <FlaskConical aria-hidden="true" className="welcome__icon" />
          <h3>{t('welcome.sandbox.title')}</h3>
          <SandboxWay />
        </li>
      </ul>
    </section>
  );
}

function FeedForm({ onAddFeed }: WelcomeScreenProps) {
  const { t } = useTranslation();
  const id = useId();
  const [url, setUrl] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="welcome__feed"
      aria-label={t('welcome.feed.title')}
      onSubmit={(e) => {
        e.preventDefault();
        const safe = safeHttpUrl(url.trim());
        if (!safe) return setError(t('streams.add.invalidUrl'));
        setError(null);
        onAddFeed(safe);
      }}
    >
      <label htmlFor={`${id}-url`}>{t('welcome.feed.label')}</label>
      <input
        id={`${id}-url`}
        type="url"
        value={url}
        placeholder="https://example.org/feed.xml"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => setUrl(e.target.value)}
      />
      {error && (
        <p id={`${id}-error`} className="field__issue" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button">
        {t('welcome.feed.action')}
      </button>
    </form>
  );
}

function SandboxWay() {
  const { t } = useTranslation();
  const { client, store } = useServices();
  const [status, setStatus] = useState<SandboxStatus | 'checking'>('checking');
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const check = useCallback(async () => {
    setStatus('checking');
    const result = await client.call('sandbox:status', {});
    // A main without sandbox support (or a failed probe) simply has no sandbox to offer.
    setStatus(result.ok ? result.value : { available: false });
  }, [client]);
  useEffect(() => void check(), [check]);

  async function useSandbox(): Promise<void> {
    setAdding(true);
    setError(null);
    const result = await client.call('sandbox:addAccount', {});
    setAdding(false);
    if (result.ok) store.getState().upsertAccount(result.value);
    else setError(t(`errors.${result.error.code}`));
  }

  if (status === 'checking') return <p role="status">{t('welcome.sandbox.checking')}</p>;
  if (!status.available)
    return (
      <>
        <p>
          {t('welcome.sandbox.none')} <code>./roost sandbox</code>
        </p>
        <button type="button" className="button" onClick={() => void check()}>
          {t('welcome.sandbox.checkAgain')}
        </button>
      </>
    );
  return (
    <>
      <p>{t('welcome.sandbox.found', { handle: status.handle, service: status.service })}</p>
      {error && (
        <p className="field__issue" role="alert">
          {error}
        </p>
      )}
      <button
        type="button"
        className="button button--primary"
        disabled={adding}
        onClick={() => void useSandbox()}
      >
        {adding ? t('welcome.sandbox.adding') : t('welcome.sandbox.action', { handle: status.handle })}
      </button>
    </>
  );
}
