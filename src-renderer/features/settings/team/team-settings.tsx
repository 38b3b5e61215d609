// Settings → Team: join a team server by pasting an invitation link; once in, the server, your role and your
// devices and the members; for admins also role changes, revocation, invitations and the audit log. Without a team Roost works as before.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamStatus } from '../../../../src-shared/contract/team-desk-contract.ts';
import { useServices } from '../../../app-context.tsx';
import { JoinTeamForm } from './join-team-form.tsx';
import { TeamApprovals } from './team-approvals.tsx';
import { TeamAudit } from './team-audit.tsx';
import { TeamBrandAccounts } from './brand/team-brand-accounts.tsx';
import { TeamInvitations } from './team-invitations.tsx';
import { TeamMembers } from './team-members.tsx';
import { TeamOverview } from './team-overview.tsx';
import { TeamRevoked } from './team-revoked.tsx';

export function TeamSettings() {
  const { t } = useTranslation();
  const { client } = useServices();
  const [status, setStatus] = useState<TeamStatus | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void client.call('team:status', {}).then((result) => {
      if (live && result.ok) setStatus(result.value);
    });
    const off = client.on('team:status', (next) => setStatus(next));
    return () => {
      live = false;
      off();
    };
  }, [client]);

  const admin = status?.role === 'owner' || status?.role === 'admin';
  const active = status !== null && status.state !== 'none' && status.state !== 'revoked';
  return (
    <section className="panel team-settings" data-testid="team-settings" aria-labelledby="team-title">
      <h2 id="team-title">{t('team.title')}</h2>
      <p className="hint">{t('team.intro')}</p>
      {notice && (
        <p className="notice" role="status" data-testid="team-notice">
          {notice}
        </p>
      )}
      {status === null ? (
        <p role="status">{t('team.loading')}</p>
      ) : status.state === 'none' ? (
        <JoinTeamForm
          onJoined={(next) => {
            setNotice(null);
            setStatus(next);
          }}
        />
      ) : status.state === 'revoked' ? (
        <TeamRevoked
          status={status}
          onLeft={(next) => {
            setStatus(next);
            setNotice(t('team.overview.left'));
          }}
        />
      ) : (
        <TeamOverview
          status={status}
          onLeft={(next) => {
            setStatus(next);
            setNotice(t('team.overview.left'));
          }}
        />
      )}
      {active && status.memberId && (
        <TeamMembers myId={status.memberId} myRole={status.role ?? 'viewer'} canManage={admin} />
      )}
      {active && <TeamBrandAccounts canManage={admin} />}
      {active && status.role !== 'viewer' && <TeamApprovals />}
      {active && admin && (
        <>
          <TeamInvitations myRole={status.role ?? 'viewer'} />
          <TeamAudit />
        </>
      )}
    </section>
  );
}
