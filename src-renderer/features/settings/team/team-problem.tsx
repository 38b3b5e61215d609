// One place that turns a team call's error into a sentence: a bad link, a used invitation, a revoked
// computer, a role that does not allow it, an unreachable server or a locked keychain.
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../src-shared/contract/errors.ts';

export function teamProblemKey(error: ContractError): string {
  const issue = error.issues?.[0]?.message;
  if (issue === 'not_a_link' || issue === 'invitation_invalid') return `team.errors.${issue}`;
  switch (error.code) {
    case 'auth_failed':
    case 'forbidden':
    case 'network_unreachable':
    case 'already_exists':
      return `team.errors.${error.code}`;
    case 'keychain_locked':
    case 'keychain_unavailable':
    case 'keychain_timeout':
      return 'team.errors.keychain';
    default:
      return 'team.errors.other';
  }
}

export function TeamProblem({ error }: { error: ContractError | null }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <p className="alert" role="alert" data-testid="team-error" data-code={error.code}>
      {t(teamProblemKey(error), { message: error.message })}
    </p>
  );
}

/** Dates and times in the reader's language. */
export function useTeamTime(): (ms: number) => string {
  const { i18n } = useTranslation();
  return (ms) => new Date(ms).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
}
