// Why a policy was refused: the translated explanation, then each entry main pointed at, by field.
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../src-shared/contract/errors.ts';

const FIELDS = ['orgDomains', 'blockList', 'quietHours'] as const;

function fieldOf(path: string): (typeof FIELDS)[number] | 'other' {
  return FIELDS.find((field) => path.split('.').includes(field)) ?? 'other';
}

export function PolicyIssues({ error }: { error: ContractError }) {
  const { t } = useTranslation();
  const issues = error.issues ?? [];
  return (
    <div className="alert" role="alert" data-testid="governance-error" data-code={error.code}>
      <p>{issues.length > 0 ? t('governance.invalid') : t(`errors.${error.code}`)}</p>
      {issues.length === 0 && error.code === 'invalid_input' && <p>{error.message}</p>}
      {issues.length > 0 && (
        <ul>
          {issues.map((issue, i) => (
            <li key={i}>
              {t(`governance.issueFields.${fieldOf(issue.path)}`)}: {issue.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
