// What a revoked computer shows: plainly what happened, what was erased, and what could not be recalled.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../src-shared/contract/errors.ts';
import type { TeamStatus } from '../../../../src-shared/contract/team-desk-contract.ts';
import { useServices } from '../../../app-context.tsx';
import { TeamProblem, useTeamTime } from './team-problem.tsx';

export function TeamRevoked({ status, onLeft }: { status: TeamStatus; onLeft: (next: TeamStatus) => void }) {
  const { t } = useTranslation();
  const { client } = useServices();
  const time = useTeamTime();
  const [error, setError] = useState<ContractError | null>(null);
  const revoked = status.revoked;

  async function check(): Promise<void> {
    setError(null);
    const result = await client.call('team:members', {});
    if (!result.ok) setError(result.error);
  }

  async function forget(): Promise<void> {
    const result = await client.call('team:leave', { confirm: true });
    if (result.ok) onLeft(result.value);
    else setError(result.error);
  }

  return (
    <div className="team-revoked" data-testid="team-revoked" role="status">
      <h3>{t('team.revoked.title')}</h3>
      {revoked && (
        <p>
          {t(revoked.scope === 'member' ? 'team.revoked.member' : 'team.revoked.device', {
            time: time(revoked.at),
          })}
        </p>
      )}
      <p>{t('team.revoked.erased')}</p>
      <p className="hint">{t('team.revoked.personal')}</p>
      <TeamProblem error={error} />
      <div className="form-actions">
        <button type="button" className="button" onClick={() => void check()}>
          {t('team.revoked.check')}
        </button>
        <button type="button" className="button" onClick={() => void forget()}>
          {t('team.revoked.forget')}
        </button>
      </div>
    </div>
  );
}
