// The team's members; admins also change roles and revoke, after confirming once. Roles above your own are
// not offered; the server checks every rule again.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../src-shared/contract/errors.ts';
import type { TeamMemberView } from '../../../../src-shared/contract/team-desk-contract.ts';
import type { TeamRole } from '../../../../src-shared/team/team-contract.ts';
import { useServices } from '../../../app-context.tsx';
import { TeamProblem, useTeamTime } from './team-problem.tsx';
import { grantableRoles } from './team-roles.ts';
import { useTeamList } from './use-team-list.ts';

export function TeamMembers({
  myId,
  myRole,
  canManage,
}: {
  myId: string;
  myRole: TeamRole;
  canManage: boolean;
}) {
  const { t } = useTranslation();
  const { client } = useServices();
  const time = useTeamTime();
  const { items, error, reload } = useTeamList('team:members');
  const [actionError, setActionError] = useState<ContractError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const grantable = grantableRoles(myRole);

  async function setRole(member: TeamMemberView, role: TeamRole): Promise<void> {
    setActionError(null);
    setNotice(null);
    const result = await client.call('team:setRole', { memberId: member.id, role, version: member.version });
    if (!result.ok) {
      if (result.error.issues?.[0]?.path === 'version') setNotice(t('team.members.changed'));
      else setActionError(result.error);
    }
    await reload();
  }

  async function revoke(member: TeamMemberView): Promise<void> {
    setConfirming(null);
    setActionError(null);
    const result = await client.call('team:revokeMember', { memberId: member.id });
    if (!result.ok) setActionError(result.error);
    await reload();
  }

  return (
    <div className="team-members" data-testid="team-members">
      <h3>{t('team.members.title')}</h3>
      {notice && <p className="notice">{notice}</p>}
      <TeamProblem error={actionError ?? error} />
      <table className="team-table">
        <thead>
          <tr>
            <th scope="col">{t('team.members.name')}</th>
            <th scope="col">{t('team.members.role')}</th>
            <th scope="col">{t('team.members.joined')}</th>
            {canManage && <th scope="col">{t('team.members.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {items?.map((member) => {
            const editable =
              canManage &&
              member.id !== myId &&
              member.revokedAt === null &&
              (myRole === 'owner' || grantable.includes(member.role));
            return (
              <tr key={member.id} data-testid="team-member" data-name={member.displayName}>
                <th scope="row">
                  {member.displayName} {member.id === myId && t('team.members.you')}
                </th>
                <td>
                  {editable ? (
                    <select
                      aria-label={t('team.members.roleLabel', { name: member.displayName })}
                      value={member.role}
                      onChange={(e) => void setRole(member, e.target.value as TeamRole)}
                    >
                      {grantable.map((role) => (
                        <option key={role} value={role}>
                          {t(`team.roles.${role}`)}
                        </option>
                      ))}
                    </select>
                  ) : (
                    t(`team.roles.${member.role}`)
                  )}
                </td>
                <td>
                  {member.revokedAt
                    ? t('team.members.revokedOn', { time: time(member.revokedAt) })
                    : time(member.joinedAt)}
                </td>
                {canManage && (
                  <td>
                    {editable &&
                      (confirming === member.id ? (
                        <div className="confirm" role="group">
                          <p>{t('team.members.revokeConfirm', { name: member.displayName })}</p>
                          <button
                            type="button"
                            className="button button--danger"
                            onClick={() => void revoke(member)}
                          >
                            {t('team.members.revokeYes', { name: member.displayName })}
                          </button>
                          <button type="button" className="button" onClick={() => setConfirming(null)}>
                            {t('team.overview.cancel')}
                          </button>
                        </div>
                      ) : (
                        <button
                          type="button"
                          className="button button--danger"
                          aria-label={t('team.members.revokeLabel', { name: member.displayName })}
                          onClick={() => setConfirming(member.id)}
                        >
                          {t('team.members.revoke')}
                        </button>
                      ))}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
