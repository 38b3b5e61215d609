// Settings → Link shortener: which self-hosted shortener to use and its key. The key is read from the
// password field only when saving and the field is emptied as soon as main answers: main keeps it in the
// system keychain and never sends it back.
import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../src-shared/contract/errors.ts';
import {
  SHORTENER_PROVIDERS,
  type ShortenerProvider,
  type ShortenerStatus,
} from '../../../src-shared/contract/shortener-contract.ts';
import type { RequestOutput } from '../../../src-shared/contract/contract.ts';
import { useServices } from '../../app-context.tsx';
import { ShortenerProblem } from '../shell/ui/shortener-problem.tsx';

type CreatedLinks = RequestOutput<'shortener:links'>;

export function ShortenerSettings() {
  const { t } = useTranslation();
  const { client } = useServices();
  const [status, setStatus] = useState<ShortenerStatus | null>(null);
  const [links, setLinks] = useState<CreatedLinks>([]);
  const [error, setError] = useState<ContractError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);

  const loadLinks = useCallback(async () => {
    const result = await client.call('shortener:links', { limit: 20 });
    if (result.ok) setLinks(result.value);
  }, [client]);

  useEffect(() => {
    let live = true;
    void client.call('shortener:status', {}).then((result) => {
      if (!live) return;
      if (result.ok) setStatus(result.value);
      else setError(result.error);
    });
    void loadLinks();
    return () => {
      live = false;
    };
  }, [client, loadLinks]);

  async function remove(): Promise<void> {
    setError(null);
    const result = await client.call('shortener:clear', { confirm: true });
    if (!result.ok) return setError(result.error);
    setStatus({ configured: false, provider: null, baseUrl: null, allowMastodon: false });
    setLinks([]);
    setNotice(t('shortener.removed'));
  }

  async function setAllowMastodon(allowMastodon: boolean): Promise<void> {
    setError(null);
    const result = await client.call('shortener:setOptions', { allowMastodon });
    if (result.ok) setStatus(result.value);
    else setError(result.error);
  }

  async function countClicks(): Promise<void> {
    if (links.length === 0) return;
    setError(null);
    const result = await client.call('shortener:clicks', { codes: links.slice(0, 50).map((l) => l.code) });
    if (!result.ok) return setError(result.error);
    await loadLinks();
  }

  const configured = status?.configured === true;
  return (
    <section
      className="panel shortener-settings"
      data-testid="shortener-settings"
      aria-labelledby="shortener-title"
    >
      <h2 id="shortener-title">{t('shortener.title')}</h2>
      <p className="hint">{t('shortener.intro')}</p>
      <p role="status" data-testid="shortener-status">
        {status === null
          ? null
          : configured
            ? t('shortener.using', {
                provider: status.provider ? t(`shortener.providers.${status.provider}`) : '',
                baseUrl: status.baseUrl,
              })
            : t('shortener.none')}
      </p>
      {notice && (
        <p className="notice" data-testid="shortener-notice">
          {notice}
        </p>
      )}
      <ShortenerProblem error={error} />
      {configured && status && (
        <>
          <div className="check">
            <input
              id="shortener-allow-mastodon-now"
              type="checkbox"
              checked={status.allowMastodon}
              onChange={(e) => void setAllowMastodon(e.target.checked)}
            />
            <label htmlFor="shortener-allow-mastodon-now">{t('shortener.allowMastodon')}</label>
          </div>
          <div className="form-actions">
            <button type="button" className="button" onClick={() => setEditing((v) => !v)}>
              {t('shortener.replace')}
            </button>
            <button type="button" className="button button--danger" onClick={() => void remove()}>
              {t('shortener.remove')}
            </button>
          </div>
        </>
      )}
      {(!configured || editing) && status !== null && (
        <ShortenerForm
          initial={status}
          onSaved={(next) => {
            setStatus(next);
            setEditing(false);
            setError(null);
            setNotice(t('shortener.saved'));
            void loadLinks();
          }}
          onError={(e) => {
            setNotice(null);
            setError(e);
          }}
        />
      )}
      {configured && (
        <div className="shortener-links">
          <h3>{t('shortener.linksTitle')}</h3>
          {links.length === 0 ? (
            <p className="hint">{t('shortener.linksEmpty')}</p>
          ) : (
            <>
              <ul data-testid="shortener-links">
                {links.map((link) => (
                  <li key={link.code}>
                    <code>{link.shortUrl}</code> → <span className="hint">{link.longUrl}</span> ·{' '}
                    {link.clicks === null
                      ? t('shortener.notCounted')
                      : t('shortener.clicks', { count: link.clicks })}
                  </li>
                ))}
              </ul>
              <button type="button" className="button" onClick={() => void countClicks()}>
                {t('shortener.refreshClicks')}
              </button>
            </>
          )}
        </div>
      )}
    </section>
  );
}

function ShortenerForm({
  initial,
  onSaved,
  onError,
}: {
  initial: ShortenerStatus;
  onSaved: (status: ShortenerStatus) => void;
  onError: (error: ContractError) => void;
}) {
  const { t } = useTranslation();
  const { client } = useServices();
  const [provider, setProvider] = useState<ShortenerProvider>(initial.provider ?? 'shlink');
  const [baseUrl, setBaseUrl] = useState(initial.baseUrl ?? '');
  const [allowMastodon, setAllowMastodon] = useState(initial.allowMastodon);
  const [pending, setPending] = useState(false);
  const keyRef = useRef<HTMLInputElement>(null);
  const ids = { provider: useId(), server: useId(), key: useId(), mastodon: useId() };

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const keyInput = keyRef.current;
    if (pending || !keyInput) return;
    setPending(true);
    const result = await client.call('shortener:configure', {
      provider,
      baseUrl: baseUrl.trim(),
      apiKey: keyInput.value,
      allowMastodon,
    });
    keyInput.value = '';
    setPending(false);
    if (result.ok) onSaved(result.value);
    else onError(result.error);
  }

  return (
    <form
      className="shortener-form"
      data-testid="shortener-form"
      aria-busy={pending}
      noValidate
      onSubmit={(e) => void onSubmit(e)}
    >
      <div className="field">
        <label htmlFor={ids.provider}>{t('shortener.provider')}</label>
        <select
          id={ids.provider}
          value={provider}
          onChange={(e) => setProvider(e.target.value as ShortenerProvider)}
        >
          {SHORTENER_PROVIDERS.map((p) => (
            <option key={p} value={p}>
              {t(`shortener.providers.${p}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.server}>{t('shortener.server')}</label>
        <input
          id={ids.server}
          type="url"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          value={baseUrl}
          aria-describedby={`${ids.server}-hint`}
          onChange={(e) => setBaseUrl(e.target.value)}
        />
        <p className="hint" id={`${ids.server}-hint`}>
          {t('shortener.serverHint')}
        </p>
      </div>
      <div className="field">
        <label htmlFor={ids.key}>{t('shortener.apiKey')}</label>
        <input
          id={ids.key}
          ref={keyRef}
          type="password"
          autoComplete="off"
          spellCheck={false}
          aria-describedby={`${ids.key}-hint`}
        />
        <p className="hint" id={`${ids.key}-hint`}>
          {t('shortener.apiKeyHint')}
        </p>
      </div>
      <div className="check">
        <input
          id={ids.mastodon}
          type="checkbox"
          checked={allowMastodon}
          aria-describedby={`${ids.mastodon}-hint`}
          onChange={(e) => setAllowMastodon(e.target.checked)}
        />
        <label htmlFor={ids.mastodon}>{t('shortener.allowMastodon')}</label>
        <p className="hint" id={`${ids.mastodon}-hint`}>
          {t('shortener.allowMastodonHint')}
        </p>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={pending}>
          {pending ? t('shortener.saving') : t('shortener.save')}
        </button>
      </div>
    </form>
  );
}
