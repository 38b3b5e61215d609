// Admins set each member's access to one brand account. Owners and admins always have all of it and are not
// listed; revoked members neither. Each change is sent at once and the table reloads from the server.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../../src-shared/contract/errors.ts';
import {
  BRAND_ACCESS_LEVELS,
  type BrandAccessLevel,
  type BrandAccount,
} from '../../../../../src-shared/team/team-contract.ts';
import { useServices } from '../../../../app-context.tsx';
import { TeamProblem } from '../team-problem.tsx';
import { useTeamList } from '../use-team-list.ts';

export function BrandAccessEditor({ account, onClose }: { account: BrandAccount; onClose: () => void }) {
  const { t } = useTranslation();
  const { client } = useServices();
  const members = useTeamList('team:members');
  const [levels, setLevels] = useState<ReadonlyMap<string, BrandAccessLevel> | null>(null);
  const [error, setError] = useState<ContractError | null>(null);

  const load = useCallback(async () => {
    const result = await client.call('team:brandAccess', { accountId: account.id });
    if (!result.ok) return setError(result.error);
    setLevels(new Map(result.value.flatMap((row) => (row.access ? [[row.memberId, row.access]] : []))));
  }, [client, account.id]);
  useEffect(() => {
    void load();
  }, [load]);

  async function change(memberId: string, value: string): Promise<void> {
    setError(null);
    const access = value === 'none' ? null : (value as BrandAccessLevel);
    const result = await client.call('team:setBrandAccess', { accountId: account.id, memberId, access });
    if (!result.ok) setError(result.error);
    await load();
  }

  const rows = (members.items ?? []).filter(
    (m) => m.revokedAt === null && m.role !== 'owner' && m.role !== 'admin',
  );
  return (
    <div className="team-brand__access" role="group" aria-labelledby={`brand-access-${account.id}`}>
      <h4 id={`brand-access-${account.id}`}>{t('teamBrand.access.title', { handle: account.handle })}</h4>
      <p className="hint">{t('teamBrand.access.admins')}</p>
      <TeamProblem error={error ?? members.error} />
      <table className="team-table">
        <thead>
          <tr>
            <th scope="col">{t('teamBrand.access.member')}</th>
            <th scope="col">{t('teamBrand.access.level')}</th>
          </tr>
        </thead>
        <tbody>
          {levels &&
            rows.map((member) => (
              <tr key={member.id} data-testid="team-brand-access-row" data-name={member.displayName}>
                <th scope="row">
                  {member.displayName} <span className="hint">{t(`team.roles.${member.role}`)}</span>
                </th>
                <td>
                  <select
                    aria-label={t('teamBrand.access.levelLabel', {
                      name: member.displayName,
                      handle: account.handle,
                    })}
                    value={levels.get(member.id) ?? 'none'}
                    onChange={(e) => void change(member.id, e.target.value)}
                  >
                    <option value="none">{t('teamBrand.levels.none')}</option>
                    {BRAND_ACCESS_LEVELS.map((level) => (
                      <option key={level} value={level}>
                        {t(`teamBrand.levels.${level}`)}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
        </tbody>
      </table>
      <button type="button" className="button" onClick={onClose}>
        {t('teamBrand.access.close')}
      </button>
    </div>
  );
}
