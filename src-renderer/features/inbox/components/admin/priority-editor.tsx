// Priority rules: points for words or phrases, for VIP contacts and for a negative tone. A conversation's
// priority is the sum of what matches; it orders the queue and picks the SLA tier.
import { useTranslation } from 'react-i18next';
import type { DeskSettingsForm, Issues } from '../../model/settings-form.ts';
import { FieldIssues } from './field-issues.tsx';

type PriorityPart = Pick<DeskSettingsForm, 'terms' | 'vipContacts' | 'vipPoints' | 'negativeSentimentPoints'>;

export function PriorityEditor({
  form,
  issues,
  onChange,
}: {
  form: PriorityPart;
  issues: Issues;
  onChange: (patch: Partial<PriorityPart>) => void;
}) {
  const { t } = useTranslation();
  const setTerm = (index: number, patch: Partial<PriorityPart['terms'][number]>) =>
    onChange({ terms: form.terms.map((term, i) => (i === index ? { ...term, ...patch } : term)) });

  return (
    <section className="panel" aria-labelledby="desk-priority-title" data-testid="desk-priority">
      <h2 id="desk-priority-title">{t('inbox.settings.priority.title')}</h2>
      <p className="hint">{t('inbox.settings.priority.hint')}</p>
      {form.terms.map((term, i) => (
        <div className="field desk-settings__row" key={i}>
          <input
            aria-label={t('inbox.settings.priority.term', { n: i + 1 })}
            value={term.text}
            onChange={(e) => setTerm(i, { text: e.target.value })}
          />
          <input
            type="number"
            aria-label={t('inbox.settings.priority.points', { n: i + 1 })}
            value={term.points}
            onChange={(e) => setTerm(i, { points: e.target.value })}
          />
          <button
            type="button"
            className="button"
            onClick={() => onChange({ terms: form.terms.filter((_, j) => j !== i) })}
          >
            {t('inbox.settings.remove')}
          </button>
          <FieldIssues issues={issues} at={`priority.terms.${i}`} />
        </div>
      ))}
      <button
        type="button"
        className="button"
        onClick={() => onChange({ terms: [...form.terms, { text: '', points: '10' }] })}
      >
        {t('inbox.settings.priority.addTerm')}
      </button>
      <div className="field">
        <label htmlFor="desk-vip">{t('inbox.settings.priority.vip')}</label>
        <input
          id="desk-vip"
          value={form.vipContacts}
          placeholder="alice.bsky.social, @bob@example.social"
          onChange={(e) => onChange({ vipContacts: e.target.value })}
        />
        <FieldIssues issues={issues} at="priority.vipContacts" />
      </div>
      <div className="field">
        <label htmlFor="desk-vip-points">{t('inbox.settings.priority.vipPoints')}</label>
        <input
          id="desk-vip-points"
          type="number"
          value={form.vipPoints}
          onChange={(e) => onChange({ vipPoints: e.target.value })}
        />
        <FieldIssues issues={issues} at="priority.vipPoints" />
      </div>
      <div className="field">
        <label htmlFor="desk-negative-points">{t('inbox.settings.priority.negativePoints')}</label>
        <input
          id="desk-negative-points"
          type="number"
          value={form.negativeSentimentPoints}
          onChange={(e) => onChange({ negativeSentimentPoints: e.target.value })}
        />
        <FieldIssues issues={issues} at="priority.negativeSentimentPoints" />
      </div>
    </section>
  );
}
