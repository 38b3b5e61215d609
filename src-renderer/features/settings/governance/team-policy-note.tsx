// The sentence above a team's policy: whose policy it is, who may change it, and whether it is the copy this
// computer last received because the team server cannot be reached.
import { useTranslation } from 'react-i18next';
import type { GovernanceView } from '../../../../src-shared/contract/governance-contract.ts';

export function TeamPolicyNote({ team }: { team: NonNullable<GovernanceView['team']> }) {
  const { t } = useTranslation();
  return (
    <div data-testid="governance-team">
      <p className="hint" role="note">
        {team.editable ? t('governance.team.editable') : t('governance.team.readOnly')}
      </p>
      {!team.live && (
        <p className="alert" role="status">
          {t('governance.team.offline')}
        </p>
      )}
    </div>
  );
}
