// Settings → Governance → Brand protection: the hijack alerts main raised (newest first), each with
// "This was us" to acknowledge it, a switch to show acknowledged ones, and "Check now". Reloads whenever
// main announces new alerts. Every control is a native button or checkbox, so the keyboard reaches all.
import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HijackAlert } from '../../../../src-shared/contract/protection-contract.ts';
import { useServices } from '../../../app-context.tsx';
import { safeHttpUrl } from '../../../sanitize/safe-url.ts';
import { alertDetail, alertTitle } from './alert-text.ts';

/** A Bluesky post's address on the web app, for "Open the post"; Mastodon ids have no address here. */
function postLink(alert: HijackAlert): string | null {
  const match = /^at:\/\/([^/]+)\/app\.bsky\.feed\.post\/([^/]+)$/.exec(alert.uri ?? '');
  if (!match || alert.kind === 'deletion') return null;
  return safeHttpUrl(`https://bsky.app/profile/${match[1]}/post/${match[2]}`);
}

export function BrandProtectionSection() {
  const { t, i18n } = useTranslation();
  const { client } = useServices();
  const titleId = useId();
  const [alerts, setAlerts] = useState<HijackAlert[] | null>(null);
  const [showAll, setShowAll] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);

  const load = useCallback(async () => {
    const result = await client.call('protection:alerts', { includeAcknowledged: showAll });
    if (result.ok) {
      setAlerts(result.value);
      setError(null);
    } else setError(t('protection.loadFailed', { message: t(`errors.${result.error.code}`) }));
  }, [client, showAll, t]);

  useEffect(() => {
    void load();
    return client.on('protection:alerts', () => void load());
  }, [client, load]);

  async function acknowledge(id: string): Promise<void> {
    const result = await client.call('protection:acknowledge', { id });
    if (!result.ok) return setError(t(`errors.${result.error.code}`));
    await load();
  }

  async function checkNow(): Promise<void> {
    setChecking(true);
    setStatus(null);
    const result = await client.call('protection:check', {});
    setChecking(false);
    if (!result.ok) return setError(t(`errors.${result.error.code}`));
    setStatus(t('protection.checked', { count: result.value.checked }));
    await load();
  }

  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section className="panel" aria-labelledby={titleId} data-testid="brand-protection">
      <h2 id={titleId}>{t('protection.title')}</h2>
      <p className="hint">{t('protection.intro')}</p>
      <div className="governance__save">
        <button type="button" className="button" disabled={checking} onClick={() => void checkNow()}>
          {checking ? t('protection.checking') : t('protection.checkNow')}
        </button>
        <label>
          <input type="checkbox" checked={showAll} onChange={(e) => setShowAll(e.target.checked)} />{' '}
          {t('protection.showAcknowledged')}
        </label>
        {status && <p role="status">{status}</p>}
      </div>
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      {alerts !== null && alerts.length === 0 && <p>{t('protection.none')}</p>}
      {alerts !== null && alerts.length > 0 && (
        <ul className="protection-alerts" aria-label={t('protection.list')}>
          {alerts.map((alert) => {
            const title = alertTitle(t, alert);
            const link = postLink(alert);
            return (
              <li key={alert.id} data-testid="hijack-alert" data-kind={alert.kind}>
                <p>
                  <strong>{title}</strong> · {t('protection.account', { handle: alert.handle })} ·{' '}
                  <time dateTime={new Date(alert.detectedAt).toISOString()}>
                    {when.format(alert.detectedAt)}
                  </time>
                </p>
                {alertDetail(t, alert) && <p className="hint">{alertDetail(t, alert)}</p>}
                {link && (
                  <a href={link} target="_blank" rel="noopener noreferrer">
                    {t('protection.open')}
                  </a>
                )}{' '}
                {alert.acknowledgedAt === null ? (
                  <button
                    type="button"
                    className="button"
                    aria-label={t('protection.acknowledgeLabel', { what: title, handle: alert.handle })}
                    onClick={() => void acknowledge(alert.id)}
                  >
                    {t('protection.acknowledge')}
                  </button>
                ) : (
                  <span className="badge badge--neutral">{t('protection.acknowledged')}</span>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
