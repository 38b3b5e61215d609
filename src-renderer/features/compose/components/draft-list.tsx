// Every draft kept on this computer, searchable, and the earlier versions of the one being edited.
import { memo, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftsRepository } from '../repositories/drafts-repository.ts';
import { isBlank, type DraftRecord } from '../model/draft.ts';

function excerpt(draft: Pick<DraftRecord, 'content'>, fallback: string): string {
  const text =
    draft.content.text.trim() ||
    Object.values(draft.content.variants)
      .find((v) => v?.trim())
      ?.trim() ||
    '';
  return text ? (text.length > 80 ? `${text.slice(0, 80)}…` : text) : fallback;
}

export const DraftList = memo(function DraftList({
  drafts,
  currentId,
  onOpen,
}: {
  drafts: DraftsRepository;
  currentId: string | null;
  onOpen: (id: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const searchId = useId();
  const [search, setSearch] = useState('');
  const [list, setList] = useState<DraftRecord[]>([]);

  useEffect(() => {
    let cancelled = false;
    const load = () =>
      void drafts
        .list(search)
        .then((found) => {
          if (!cancelled) setList(found);
        })
        .catch(() => undefined);
    load();
    const stop = drafts.onChange(load);
    return () => {
      cancelled = true;
      stop();
    };
  }, [drafts, search]);

  const time = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' });
  const shown = list.filter((d) => d.id === currentId || !isBlank(d.content));

  return (
    <section className="drafts" aria-labelledby="drafts-title">
      <h2 id="drafts-title">{t('compose.drafts.title')}</h2>
      <div className="field">
        <label htmlFor={searchId}>{t('compose.drafts.search')}</label>
        <input id={searchId} type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
      </div>
      {shown.length === 0 ? (
        <p className="hint">{t('compose.drafts.none')}</p>
      ) : (
        <ul className="drafts__list">
          {shown.map((d) => (
            <li key={d.id} className="drafts__item" data-testid="draft-item">
              <span className="drafts__text">{excerpt(d, t('compose.drafts.untitled'))}</span>
              <span className="hint">
                {t('compose.drafts.edited', { time: time.format(new Date(d.updatedAt)) })}
              </span>
              {d.pending && (
                <span className="badge badge--neutral">{t(`compose.drafts.state.${d.pending.state}`)}</span>
              )}
              {d.id === currentId ? (
                <span className="badge badge--active">{t('compose.drafts.current')}</span>
              ) : (
                <span className="drafts__actions">
                  <button type="button" className="button" onClick={() => onOpen(d.id)}>
                    {t('compose.drafts.open')}
                  </button>
                  {d.status === 'open' && (
                    <button
                      type="button"
                      className="button button--danger"
                      onClick={() => void drafts.remove(d.id)}
                    >
                      {t('compose.drafts.remove')}
                    </button>
                  )}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
});

export const VersionPicker = memo(function VersionPicker({
  record,
  onRestore,
}: {
  record: DraftRecord | null;
  onRestore: (version: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const pickId = useId();
  const [picked, setPicked] = useState<number | null>(null);
  const versions = record?.versions ?? [];
  const time = new Intl.DateTimeFormat(i18n.language, { timeStyle: 'medium' });
  const chosen = versions.find((v) => v.version === picked) ?? versions[0];
  return (
    <section className="versions" aria-labelledby="versions-title">
      <h2 id="versions-title">{t('compose.versions.title')}</h2>
      {versions.length === 0 ? (
        <p className="hint">{t('compose.versions.none')}</p>
      ) : (
        <>
          <div className="field">
            <label htmlFor={pickId}>{t('compose.versions.pick')}</label>
            <select id={pickId} value={chosen?.version} onChange={(e) => setPicked(Number(e.target.value))}>
              {versions.map((v) => (
                <option key={v.version} value={v.version}>
                  {t('compose.versions.label', {
                    time: time.format(new Date(v.savedAt)),
                    excerpt: excerpt(v, t('compose.drafts.untitled')),
                  })}
                </option>
              ))}
            </select>
          </div>
          <button type="button" className="button" onClick={() => chosen && onRestore(chosen.version)}>
            {t('compose.versions.restore')}
          </button>
        </>
      )}
    </section>
  );
});
