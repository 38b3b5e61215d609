// The shortener's failures in words: shared by Settings → Link shortener and the composer's "shorten links".
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../src-shared/contract/errors.ts';

const EXPLAINED = ['auth_failed', 'network_unreachable', 'server_error', 'forbidden', 'not_found'] as const;

/** Shortener-specific wording for the common failures, with main's detail (never a secret) underneath. */
export function ShortenerProblem({ error }: { error: ContractError | null }) {
  const { t } = useTranslation();
  if (!error) return null;
  const code = EXPLAINED.find((c) => c === error.code);
  return (
    <div className="alert" role="alert" data-testid="shortener-error" data-code={error.code}>
      <p>{code ? t(`shortener.errors.${code}`) : t(`errors.${error.code}`)}</p>
      <p className="hint">{error.message}</p>
    </div>
  );
}
