// Admins: create an invitation with a role and an expiry, copy its link (shown once, as the server made it),
// and revoke invitations not used yet.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../src-shared/contract/errors.ts';
import type { TeamInvitationView } from '../../../../src-shared/contract/team-desk-contract.ts';
import type { TeamRole } from '../../../../src-shared/team/team-contract.ts';
import { useServices } from '../../../app-context.tsx';
import { TeamProblem, useTeamTime } from './team-problem.tsx';
import { grantableRoles } from './team-roles.ts';
import { useTeamList } from './use-team-list.ts';

const EXPIRY_HOURS = [1, 24, 72, 24 * 7, 24 * 30] as const;

export function TeamInvitations({ myRole }: { myRole: TeamRole }) {
  const { t } = useTranslation();
  const { client } = useServices();
  const time = useTeamTime();
  const { items, error, reload } = useTeamList('team:invitations');
  const roles = grantableRoles(myRole);
  const [role, setRole] = useState<TeamRole>(
    roles.includes('expert') ? 'expert' : (roles.at(-1) ?? 'viewer'),
  );
  const [hours, setHours] = useState<number>(72);
  const [link, setLink] = useState<string | null>(null);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const [actionError, setActionError] = useState<ContractError | null>(null);
  const ids = { role: useId(), expiry: useId(), link: useId() };

  async function create(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setActionError(null);
    setCopied(null);
    const result = await client.call('team:invite', { role, expiresInHours: hours });
    if (!result.ok) return setActionError(result.error);
    setLink(result.value.link);
    await reload();
  }

  async function copy(): Promise<void> {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  }

  async function revoke(id: string): Promise<void> {
    setActionError(null);
    const result = await client.call('team:revokeInvitation', { id });
    if (!result.ok) setActionError(result.error);
    await reload();
  }

  const describe = (invitation: TeamInvitationView): string => {
    const roleName = t(`team.roles.${invitation.role}`);
    if (invitation.usedAt)
      return t('team.invitations.used', { role: roleName, time: time(invitation.usedAt) });
    if (invitation.revokedAt)
      return t('team.invitations.revokedOn', { role: roleName, time: time(invitation.revokedAt) });
    if (invitation.expiresAt <= Date.now())
      return t('team.invitations.expired', { role: roleName, time: time(invitation.expiresAt) });
    return t('team.invitations.open', { role: roleName, time: time(invitation.expiresAt) });
  };
  const isOpen = (i: TeamInvitationView) => !i.usedAt && !i.revokedAt && i.expiresAt > Date.now();
  const recent = [...(items ?? [])].sort((a, b) => b.createdAt - a.createdAt).slice(0, 20);

  return (
    <div className="team-invitations" data-testid="team-invitations">
      <h3>{t('team.invitations.title')}</h3>
      <form className="team-invite-form" onSubmit={(e) => void create(e)}>
        <div className="field">
          <label htmlFor={ids.role}>{t('team.invitations.role')}</label>
          <select id={ids.role} value={role} onChange={(e) => setRole(e.target.value as TeamRole)}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {t(`team.roles.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.expiry}>{t('team.invitations.expiry')}</label>
          <select id={ids.expiry} value={hours} onChange={(e) => setHours(Number(e.target.value))}>
            {EXPIRY_HOURS.map((h) => (
              <option key={h} value={h}>
                {h < 24 || h % 24 !== 0
                  ? t('team.invitations.hours', { count: h })
                  : t('team.invitations.days', { count: h / 24 })}
              </option>
            ))}
          </select>
        </div>
        <div className="form-actions">
          <button type="submit" className="button button--primary">
            {t('team.invitations.create')}
          </button>
        </div>
      </form>
      {link && (
        <div className="team-invite-link" role="status">
          <p>{t('team.invitations.created')}</p>
          <input
            id={ids.link}
            readOnly
            data-testid="team-invitation-link"
            aria-label={t('team.invitations.title')}
            value={link}
            onFocus={(e) => e.target.select()}
          />
          <button type="button" className="button" onClick={() => void copy()}>
            {t('team.invitations.copy')}
          </button>
          {copied && (
            <span className="hint">
              {copied === 'yes' ? t('team.invitations.copied') : t('team.invitations.copyFailed')}
            </span>
          )}
        </div>
      )}
      <TeamProblem error={actionError ?? error} />
      {items && !items.some(isOpen) && <p className="hint">{t('team.invitations.empty')}</p>}
      <ul data-testid="team-invitation-list">
        {recent.map((invitation) => (
          <li key={invitation.id} data-testid="team-invitation">
            {describe(invitation)}{' '}
            {isOpen(invitation) && (
              <button
                type="button"
                className="button button--danger"
                aria-label={t('team.invitations.revokeLabel', { role: t(`team.roles.${invitation.role}`) })}
                onClick={() => void revoke(invitation.id)}
              >
                {t('team.invitations.revoke')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
