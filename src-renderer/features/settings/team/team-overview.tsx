// The team this computer is in: server, name, role, connection, my devices (revoke a lost one) and leaving.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../src-shared/contract/errors.ts';
import type { TeamStatus } from '../../../../src-shared/contract/team-desk-contract.ts';
import { useServices } from '../../../app-context.tsx';
import { TeamProblem, useTeamTime } from './team-problem.tsx';
import { useTeamList } from './use-team-list.ts';

export function TeamOverview({ status, onLeft }: { status: TeamStatus; onLeft: (next: TeamStatus) => void }) {
  const { t } = useTranslation();
  const { client } = useServices();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<ContractError | null>(null);

  async function leave(): Promise<void> {
    const result = await client.call('team:leave', { confirm: true });
    setConfirming(false);
    if (result.ok) onLeft(result.value);
    else setError(result.error);
  }

  return (
    <div className="team-overview" data-testid="team-overview">
      <dl className="team-facts">
        <dt>{t('team.overview.server')}</dt>
        <dd data-testid="team-server">{status.serverUrl}</dd>
        <dt>{t('team.overview.name')}</dt>
        <dd>{status.displayName}</dd>
        <dt>{t('team.overview.role')}</dt>
        <dd data-testid="team-role">{status.role ? t(`team.roles.${status.role}`) : ''}</dd>
        <dt>{t('team.overview.status')}</dt>
        <dd data-testid="team-state" data-state={status.state}>
          {t(`team.state.${status.state}`)}
        </dd>
      </dl>
      <MyDevices />
      <TeamProblem error={error} />
      {confirming ? (
        <div className="confirm" role="group" aria-label={t('team.overview.leave')}>
          <p>{t('team.overview.leaveConfirm')}</p>
          <button type="button" className="button button--danger" onClick={() => void leave()}>
            {t('team.overview.leaveYes')}
          </button>
          <button type="button" className="button" onClick={() => setConfirming(false)}>
            {t('team.overview.cancel')}
          </button>
        </div>
      ) : (
        <div className="form-actions">
          <button type="button" className="button" onClick={() => setConfirming(true)}>
            {t('team.overview.leave')}
          </button>
        </div>
      )}
    </div>
  );
}

function MyDevices() {
  const { t } = useTranslation();
  const { client } = useServices();
  const time = useTeamTime();
  const { items, error, reload } = useTeamList('team:devices');
  const [actionError, setActionError] = useState<ContractError | null>(null);

  async function revoke(deviceId: string): Promise<void> {
    setActionError(null);
    const result = await client.call('team:revokeDevice', { deviceId });
    if (!result.ok) setActionError(result.error);
    await reload();
  }

  return (
    <div className="team-devices">
      <h3>{t('team.devices.title')}</h3>
      <TeamProblem error={actionError ?? error} />
      {items && items.length === 0 && <p className="hint">{t('team.devices.empty')}</p>}
      <ul data-testid="team-devices">
        {items?.map((device) => (
          <li key={device.id} data-testid="team-device">
            {device.name}
            {device.current && <strong> ({t('team.devices.current')})</strong>}{' '}
            <span className="hint">
              {device.revokedAt
                ? t('team.devices.revokedOn', { time: time(device.revokedAt) })
                : t('team.devices.enrolled', { time: time(device.enrolledAt) })}
            </span>
            {!device.current && !device.revokedAt && (
              <button
                type="button"
                className="button button--danger"
                aria-label={t('team.devices.revokeLabel', { name: device.name })}
                onClick={() => void revoke(device.id)}
              >
                {t('team.devices.revoke')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
