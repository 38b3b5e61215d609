// Quiet hours for all accounts (`*`) and for each account that needs its own.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { GovernancePolicy } from '../../../../src-shared/contract/governance-contract.ts';
import type { Account } from '../../../../src-shared/domain/account.ts';

type QuietHoursMap = GovernancePolicy['quietHours'];
type Hours = QuietHoursMap[string];

function localZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

function HoursRow({
  name,
  hours,
  onChange,
}: {
  name: string;
  hours: Hours | undefined;
  onChange: (hours: Hours | undefined) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <fieldset className="governance__hours" data-testid="quiet-hours-row">
      <div className="check">
        <input
          id={id}
          type="checkbox"
          checked={hours !== undefined}
          onChange={(e) =>
            onChange(e.target.checked ? { start: '22:00', end: '07:00', timeZone: localZone() } : undefined)
          }
        />
        <label htmlFor={id}>{t('governance.quietHours.enabled', { name })}</label>
      </div>
      {hours && (
        <>
          <label htmlFor={`${id}-start`}>{t('governance.quietHours.start')}</label>
          <input
            id={`${id}-start`}
            type="time"
            required
            value={hours.start}
            onChange={(e) => onChange({ ...hours, start: e.target.value })}
          />
          <label htmlFor={`${id}-end`}>{t('governance.quietHours.end')}</label>
          <input
            id={`${id}-end`}
            type="time"
            required
            value={hours.end}
            onChange={(e) => onChange({ ...hours, end: e.target.value })}
          />
          <label htmlFor={`${id}-zone`}>{t('governance.quietHours.timeZone')}</label>
          <input
            id={`${id}-zone`}
            type="text"
            spellCheck={false}
            value={hours.timeZone}
            onChange={(e) => onChange({ ...hours, timeZone: e.target.value })}
          />
        </>
      )}
    </fieldset>
  );
}

export function QuietHoursSection({
  accounts,
  value,
  onChange,
}: {
  accounts: readonly Account[];
  value: QuietHoursMap;
  onChange: (value: QuietHoursMap) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const set = (key: string, hours: Hours | undefined) => {
    const next = { ...value };
    if (hours) next[key] = hours;
    else delete next[key];
    onChange(next);
  };
  return (
    <section className="panel" aria-labelledby={id} data-testid="governance-quiet-hours">
      <h2 id={id}>{t('governance.quietHours.title')}</h2>
      <p className="hint">{t('governance.quietHours.hint')}</p>
      <HoursRow name={t('governance.quietHours.everyone')} hours={value['*']} onChange={(h) => set('*', h)} />
      {accounts.map((account) => (
        <HoursRow
          key={account.id}
          name={`@${account.handle}`}
          hours={value[account.id]}
          onChange={(h) => set(account.id, h)}
        />
      ))}
    </section>
  );
}
