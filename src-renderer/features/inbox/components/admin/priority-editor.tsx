// Priority rules: points for words or phrases, for VIP contacts and for a negative tone. A conversation's
// priority is the sum of what matches; it orders the queue and picks the SLA tier.
import { useTranslation } from 'react-i18next';
import type { DeskSettingsForm, Issues } from '../../model/settings-form.ts';
import { FieldIssues, SettingField } from './field-issues.tsx';

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
      <SettingField
        id="desk-vip"
        label={t('inbox.settings.priority.vip')}
        value={form.vipContacts}
        placeholder="alice.bsky.social, @bob@example.social"
        onChange={(vipContacts) => onChange({ vipContacts })}
        issues={issues}
        at="priority.vipContacts"
      />
      <SettingField
        id="desk-vip-points"
        type="number"
        label={t('inbox.settings.priority.vipPoints')}
        value={form.vipPoints}
        onChange={(vipPoints) => onChange({ vipPoints })}
        issues={issues}
        at="priority.vipPoints"
      />
      <SettingField
        id="desk-negative-points"
        type="number"
        label={t('inbox.settings.priority.negativePoints')}
        value={form.negativeSentimentPoints}
        onChange={(negativeSentimentPoints) => onChange({ negativeSentimentPoints })}
        issues={issues}
        at="priority.negativeSentimentPoints"
      />
    </section>
  );
}
