// Admins: the team's audit log, filtered by actor, action and days (main filters it), and exported as CSV.
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../src-shared/contract/errors.ts';
import type { TeamAuditEntry, TeamAuditFilter } from '../../../../src-shared/contract/team-desk-contract.ts';
import { auditCsv } from '../../../../src-shared/team/audit-csv.ts';
import { useServices } from '../../../app-context.tsx';
import { TeamProblem, useTeamTime } from './team-problem.tsx';
import { useTeamList } from './use-team-list.ts';

/** `YYYY-MM-DD` from a date field → the first or last millisecond of that day, in local time. */
function dayBound(day: string, end: boolean): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const start = new Date(y, m - 1, d).getTime();
  return end ? new Date(y, m - 1, d + 1).getTime() - 1 : start;
}

export function TeamAudit() {
  const { t } = useTranslation();
  const { client } = useServices();
  const time = useTeamTime();
  const members = useTeamList('team:members').items ?? [];
  const [actor, setActor] = useState('');
  const [action, setAction] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [entries, setEntries] = useState<TeamAuditEntry[] | null>(null);
  const [error, setError] = useState<ContractError | null>(null);
  const ids = { actor: useId(), action: useId(), from: useId(), to: useId() };
  const names = new Map(members.map((m) => [m.id, m.displayName]));

  const load = useCallback(
    async (filter: TeamAuditFilter) => {
      const result = await client.call('team:audit', filter);
      if (result.ok) {
        setEntries(result.value);
        setError(null);
      } else setError(result.error);
    },
    [client],
  );

  useEffect(() => {
    void load({ limit: 200 });
  }, [load]);

  function currentFilter(): TeamAuditFilter {
    const fromMs = dayBound(from, false);
    const toMs = dayBound(to, true);
    return {
      limit: 1_000,
      ...(actor ? { actorId: actor } : {}),
      ...(action.trim() ? { action: action.trim() } : {}),
      ...(fromMs !== undefined ? { from: fromMs } : {}),
      ...(toMs !== undefined ? { to: toMs } : {}),
    };
  }

  function onSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    void load(currentFilter());
  }

  function exportCsv(): void {
    if (!entries) return;
    const blob = new Blob([auditCsv(entries, names)], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = `roost-team-audit-${new Date().toISOString().slice(0, 10)}.csv`;
    link.click();
    URL.revokeObjectURL(url);
  }

  return (
    <div className="team-audit" data-testid="team-audit">
      <h3>{t('team.audit.title')}</h3>
      <p className="hint">{t('team.audit.intro')}</p>
      <form className="team-audit__filters" onSubmit={onSubmit}>
        <div className="field">
          <label htmlFor={ids.actor}>{t('team.audit.actor')}</label>
          <select id={ids.actor} value={actor} onChange={(e) => setActor(e.target.value)}>
            <option value="">{t('team.audit.anyone')}</option>
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.displayName}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.action}>{t('team.audit.action')}</label>
          <input id={ids.action} value={action} maxLength={64} onChange={(e) => setAction(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={ids.from}>{t('team.audit.from')}</label>
          <input id={ids.from} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={ids.to}>{t('team.audit.to')}</label>
          <input id={ids.to} type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </div>
        <div className="form-actions">
          <button type="submit" className="button">
            {t('team.audit.apply')}
          </button>
          <button type="button" className="button" disabled={!entries?.length} onClick={exportCsv}>
            {t('team.audit.export')}
          </button>
        </div>
      </form>
      <TeamProblem error={error} />
      {entries && (
        <p className="hint" role="status" data-testid="team-audit-count">
          {t('team.audit.count', { count: entries.length })}
        </p>
      )}
      {entries && entries.length === 0 && <p className="hint">{t('team.audit.empty')}</p>}
      {entries && entries.length > 0 && (
        <table className="team-table" data-testid="team-audit-table">
          <thead>
            <tr>
              <th scope="col">{t('team.audit.time')}</th>
              <th scope="col">{t('team.audit.actor')}</th>
              <th scope="col">{t('team.audit.action')}</th>
              <th scope="col">{t('team.audit.target')}</th>
              <th scope="col">{t('team.audit.result')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id} data-testid="team-audit-entry" data-action={entry.action}>
                <td>{time(entry.at)}</td>
                <td>
                  {entry.memberId ? (names.get(entry.memberId) ?? entry.memberId) : t('team.audit.system')}
                </td>
                <td>
                  <code>{entry.action}</code>
                </td>
                <td>{entry.target ? (names.get(entry.target) ?? entry.target) : ''}</td>
                <td>{t(`team.audit.results.${entry.result}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
