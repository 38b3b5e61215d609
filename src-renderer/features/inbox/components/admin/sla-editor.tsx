// The SLA policy: targets per priority tier in business minutes, the warn-before threshold, and the
// business-hours calendar the clocks run on (periods per weekday, holidays, time zone).
import { useTranslation } from 'react-i18next';
import type { DeskSettingsForm, Issues, TierForm } from '../../model/settings-form.ts';
import { FieldIssues, SettingField } from './field-issues.tsx';

type SlaPart = Pick<DeskSettingsForm, 'timeZone' | 'week' | 'holidays' | 'tiers' | 'warnBeforeMinutes'>;

const TARGETS = ['firstResponseMinutes', 'nextResponseMinutes', 'resolutionMinutes'] as const;

/** Weekday names in the interface's language: 2026-01-04 was a Sunday. */
function weekdayName(index: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2026, 0, 4 + index)),
  );
}

export function SlaEditor({
  form,
  issues,
  onChange,
}: {
  form: SlaPart;
  issues: Issues;
  onChange: (patch: Partial<SlaPart>) => void;
}) {
  const { t, i18n } = useTranslation();
  const setTier = (index: number, patch: Partial<TierForm>) =>
    onChange({ tiers: form.tiers.map((tier, i) => (i === index ? { ...tier, ...patch } : tier)) });

  return (
    <section className="panel" aria-labelledby="desk-sla-title" data-testid="desk-sla">
      <h2 id="desk-sla-title">{t('inbox.settings.sla.title')}</h2>
      <p className="hint">{t('inbox.settings.sla.hint')}</p>
      <table className="desk-settings__tiers">
        <thead>
          <tr>
            <th scope="col">{t('inbox.settings.sla.minPriority')}</th>
            {TARGETS.map((k) => (
              <th scope="col" key={k}>
                {t(`inbox.settings.sla.${k}`)}
              </th>
            ))}
            <th />
          </tr>
        </thead>
        <tbody>
          {form.tiers.map((tier, i) => (
            <tr key={i} data-testid={`desk-tier-${i}`}>
              <td>
                <input
                  type="number"
                  aria-label={t('inbox.settings.sla.tierField', {
                    field: t('inbox.settings.sla.minPriority'),
                    n: i + 1,
                  })}
                  value={tier.minPriority}
                  onChange={(e) => setTier(i, { minPriority: e.target.value })}
                />
              </td>
              {TARGETS.map((k) => (
                <td key={k}>
                  <input
                    type="number"
                    aria-label={t('inbox.settings.sla.tierField', {
                      field: t(`inbox.settings.sla.${k}`),
                      n: i + 1,
                    })}
                    value={tier[k]}
                    onChange={(e) => setTier(i, { [k]: e.target.value })}
                  />
                </td>
              ))}
              <td>
                <button
                  type="button"
                  className="button"
                  onClick={() => onChange({ tiers: form.tiers.filter((_, j) => j !== i) })}
                >
                  {t('inbox.settings.remove')}
                </button>
                <FieldIssues issues={issues} at={`sla.tiers.${i}`} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <FieldIssues issues={issues} at="sla.tiers" exact />
      <button
        type="button"
        className="button"
        onClick={() =>
          onChange({
            tiers: [
              ...form.tiers,
              {
                minPriority: '',
                firstResponseMinutes: '60',
                nextResponseMinutes: '120',
                resolutionMinutes: '480',
              },
            ],
          })
        }
      >
        {t('inbox.settings.sla.addTier')}
      </button>
      <SettingField
        id="desk-warn"
        type="number"
        label={t('inbox.settings.sla.warnBefore')}
        value={form.warnBeforeMinutes}
        onChange={(warnBeforeMinutes) => onChange({ warnBeforeMinutes })}
        issues={issues}
        at="sla.warnBeforeMinutes"
      />
      <h3>{t('inbox.settings.hours.title')}</h3>
      <SettingField
        id="desk-zone"
        label={t('inbox.settings.hours.timeZone')}
        value={form.timeZone}
        onChange={(timeZone) => onChange({ timeZone })}
        issues={issues}
        at="sla.calendar.timeZone"
      />
      <p className="hint">{t('inbox.settings.hours.hint')}</p>
      {form.week.map((day, i) => (
        <div className="field" key={i}>
          <label htmlFor={`desk-day-${i}`}>{weekdayName(i, i18n.language)}</label>
          <input
            id={`desk-day-${i}`}
            value={day}
            placeholder={t('inbox.settings.hours.closed')}
            onChange={(e) => onChange({ week: form.week.map((d, j) => (j === i ? e.target.value : d)) })}
          />
          <FieldIssues issues={issues} at={`sla.calendar.week.${i}`} />
        </div>
      ))}
      <FieldIssues issues={issues} at="sla.calendar.week" exact />
      <div className="field">
        <label htmlFor="desk-holidays">{t('inbox.settings.hours.holidays')}</label>
        <input
          id="desk-holidays"
          value={form.holidays}
          placeholder="2026-12-25, 2027-01-01"
          onChange={(e) => onChange({ holidays: e.target.value })}
        />
        <FieldIssues issues={issues} at="sla.calendar.holidays" />
      </div>
    </section>
  );
}
