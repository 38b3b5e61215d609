// My availability in the Inbox header: available, or away for one of the reasons the desk admin set.
import { useTranslation } from 'react-i18next';
import type { Expert } from '../../../../../src-shared/desk/desk-team-contract.ts';
import { useServices } from '../../../../app-context.tsx';

export function TeamAvailability({
  mine,
  reasons,
  onChanged,
}: {
  mine: Expert | null;
  reasons: readonly string[];
  onChanged: (expert: Expert) => void;
}) {
  const { t } = useTranslation();
  const { client } = useServices();
  const value = mine?.availability === 'away' ? `away:${mine.awayReason ?? ''}` : 'available';
  return (
    <label className="inbox__availability">
      {t('inbox.team.availability')}{' '}
      <select
        value={value}
        onChange={(e) => {
          const awayReason = e.target.value.startsWith('away:') ? e.target.value.slice(5) : null;
          void client
            .call('teamDesk:setAvailability', {
              availability: awayReason === null ? 'available' : 'away',
              awayReason,
            })
            .then((result) => result.ok && onChanged(result.value));
        }}
      >
        <option value="available">{t('inbox.team.available')}</option>
        {reasons.map((reason) => (
          <option key={reason} value={`away:${reason}`}>
            {t('inbox.team.awayFor', { reason })}
          </option>
        ))}
      </select>
    </label>
  );
}
