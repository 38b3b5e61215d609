// Saved replies: the desk's content library, in English and French, with variables filled for the
// conversation when a reply is inserted. Each one is saved on its own, so editing one never loses another.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedReply } from '../../../../../src-shared/contract/desk-contract.ts';
import { useServices } from '../../../../app-context.tsx';

type Draft = { id: string | null; title: string; bodyEn: string; bodyFr: string; uses: number };

const VARIABLES = '{contact.name}, {contact.handle}, {account.handle}';

export function SavedRepliesEditor() {
  const { t } = useTranslation();
  const { client } = useServices();
  const [drafts, setDrafts] = useState<Draft[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void client.call('desk:savedReplies', {}).then((r) => r.ok && setDrafts(r.value));
  }, [client]);

  const update = (index: number, patch: Partial<Draft>) =>
    setDrafts((all) => all.map((d, i) => (i === index ? { ...d, ...patch } : d)));

  const save = async (index: number) => {
    const draft = drafts[index];
    if (!draft) return;
    const { id, title, bodyEn, bodyFr } = draft;
    const result = await client.call('desk:saveReply', { id, title, bodyEn, bodyFr });
    if (!result.ok) return setError(result.error.issues?.[0]?.message ?? result.error.message);
    setError(null);
    update(index, result.value satisfies SavedReply);
  };

  const remove = async (index: number) => {
    const id = drafts[index]?.id;
    if (id) {
      const result = await client.call('desk:deleteReply', { id });
      if (!result.ok) return setError(result.error.message);
    }
    setDrafts((all) => all.filter((_, i) => i !== index));
  };

  return (
    <section className="panel" aria-labelledby="desk-replies-title" data-testid="desk-saved-replies">
      <h2 id="desk-replies-title">{t('inbox.settings.replies.title')}</h2>
      <p className="hint">{t('inbox.settings.replies.hint', { variables: VARIABLES })}</p>
      {drafts.map((draft, i) => (
        <fieldset key={draft.id ?? `new-${i}`} className="desk-settings__entry">
          <legend>{draft.title || t('inbox.settings.replies.untitled')}</legend>
          <div className="field">
            <label htmlFor={`reply-${i}-title`}>{t('inbox.settings.replies.name')}</label>
            <input
              id={`reply-${i}-title`}
              value={draft.title}
              onChange={(e) => update(i, { title: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={`reply-${i}-en`}>{t('inbox.settings.replies.bodyEn')}</label>
            <textarea
              id={`reply-${i}-en`}
              rows={2}
              value={draft.bodyEn}
              onChange={(e) => update(i, { bodyEn: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={`reply-${i}-fr`}>{t('inbox.settings.replies.bodyFr')}</label>
            <textarea
              id={`reply-${i}-fr`}
              rows={2}
              value={draft.bodyFr}
              onChange={(e) => update(i, { bodyFr: e.target.value })}
            />
          </div>
          <p className="hint">{t('inbox.settings.replies.uses', { count: draft.uses })}</p>
          <div className="form-actions">
            <button type="button" className="button button--primary" onClick={() => void save(i)}>
              {t('inbox.settings.replies.save')}
            </button>
            <button type="button" className="button" onClick={() => void remove(i)}>
              {t('inbox.settings.remove')}
            </button>
          </div>
        </fieldset>
      ))}
      {error && (
        <p className="field__issue" role="alert">
          {error}
        </p>
      )}
      <button
        type="button"
        className="button"
        onClick={() => setDrafts((all) => [...all, { id: null, title: '', bodyEn: '', bodyFr: '', uses: 0 }])}
      >
        {t('inbox.settings.replies.add')}
      </button>
    </section>
  );
}
