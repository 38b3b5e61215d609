// Adds a column: pick an account (or RSS), then one of the column types its network offers
// (`streams:capabilities`); RSS needs only the feed's URL.
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnSource, ColumnType } from '../../../../src-shared/domain/column.ts';
import { useRoost, useServices } from '../../../app-context.tsx';
import { safeHttpUrl } from '../../../sanitize/safe-url.ts';
import { feedColumnTitle } from '../model/feed-title.ts';

const NEEDS_PARAM: ReadonlySet<ColumnType> = new Set(['author', 'search', 'hashtag', 'list', 'feed', 'rss']);
const RSS = '__rss__';

export function AddColumnForm({
  onAdd,
  onCancel,
}: {
  onAdd: (title: string, source: ColumnSource) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { client } = useServices();
  const id = useId();
  const accounts = useRoost((s) => s.accounts);
  const [accountId, setAccountId] = useState<string>(accounts?.[0]?.id ?? RSS);
  const [types, setTypes] = useState<readonly ColumnType[] | null>(null);
  const [type, setType] = useState<ColumnType>('rss');
  const [param, setParam] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);

  useEffect(() => {
    if (accountId === RSS) {
      setTypes(['rss']);
      setType('rss');
      return;
    }
    let cancelled = false;
    setTypes(null);
    void client.call('streams:capabilities', { accountId }).then((result) => {
      if (cancelled) return;
      if (!result.ok) {
        setError(t(`errors.${result.error.code}`));
        setTypes([]);
        return;
      }
      const offered = result.value.columnTypes.filter((c) => c !== 'rss');
      setTypes(offered);
      setType(offered[0] ?? 'home');
    });
    return () => {
      cancelled = true;
    };
  }, [accountId, client, t]);

  const submit = () => {
    setError(null);
    const needsParam = NEEDS_PARAM.has(type);
    let value = param.trim();
    if (type === 'rss') {
      const url = safeHttpUrl(value);
      if (!url) return setError(t('streams.add.invalidUrl'));
      value = url;
    } else if (needsParam && !value) {
      return setError(t('streams.add.needsParam'));
    }
    if (type === 'hashtag') value = value.replace(/^#/, '');
    const source: ColumnSource = {
      type,
      accountId: accountId === RSS ? null : accountId,
      param: needsParam ? value : null,
    };
    if (type === 'rss') {
      setChecking(true);
      void feedColumnTitle(client, value, t('streams.types.rss')).then((title) => {
        setChecking(false);
        onAdd(title, source);
      });
      return;
    }
    const title = needsParam ? `${t(`streams.types.${type}`)}: ${value}` : t(`streams.types.${type}`);
    onAdd(title.slice(0, 80), source);
  };

  return (
    <form
      className="panel add-column"
      aria-label={t('streams.add.title')}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <h2>{t('streams.add.title')}</h2>
      <div className="field">
        <label htmlFor={`${id}-account`}>{t('streams.add.account')}</label>
        <select id={`${id}-account`} value={accountId} onChange={(e) => setAccountId(e.target.value)}>
          {(accounts ?? []).map((a) => (
            <option key={a.id} value={a.id}>
              {`@${a.handle} (${t(`accounts.network.${a.network}`)})`}
            </option>
          ))}
          <option value={RSS}>{t('streams.add.rss')}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-type`}>{t('streams.add.type')}</label>
        <select
          id={`${id}-type`}
          value={type}
          disabled={!types}
          onChange={(e) => setType(e.target.value as ColumnType)}
        >
          {(types ?? []).map((c) => (
            <option key={c} value={c}>
              {t(`streams.types.${c}`)}
            </option>
          ))}
        </select>
      </div>
      {NEEDS_PARAM.has(type) && (
        <div className="field">
          <label htmlFor={`${id}-param`}>{t(`streams.add.param.${type}`)}</label>
          <input
            id={`${id}-param`}
            type={type === 'rss' ? 'url' : 'text'}
            value={param}
            onChange={(e) => setParam(e.target.value)}
          />
        </div>
      )}
      {error && (
        <p className="field__issue" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={!types || types.length === 0 || checking}
        >
          {t('streams.add.submit')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('streams.add.cancel')}
        </button>
      </div>
    </form>
  );
}
