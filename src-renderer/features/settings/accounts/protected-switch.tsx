// The protected-account switch. Turning protection off asks for the account's handle, like posting as it
// does; main checks the typed handle too. Used in the account list and in Governance.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../../src-shared/domain/account.ts';
import type { ErrorCode } from '../../../../src-shared/contract/errors.ts';
import { useRoost, useServices } from '../../../app-context.tsx';
import { handleMatches } from '../../../publishing/confirm-dialog.tsx';

export function ProtectedSwitch({
  account,
  label,
  onError,
}: {
  account: Account;
  /** The switch's label; the account list says "Protected (brand) account", Governance names the account. */
  label: string;
  onError: (code: ErrorCode | null) => void;
}) {
  const { t } = useTranslation();
  const { client } = useServices();
  const upsertAccount = useRoost((s) => s.upsertAccount);
  const [pending, setPending] = useState(false);
  const [unprotecting, setUnprotecting] = useState(false);
  const [typed, setTyped] = useState('');
  const protectedId = useId();

  async function toggleProtected(next: boolean, typedHandle?: string): Promise<void> {
    if (!next && typedHandle === undefined) {
      setUnprotecting(true);
      return;
    }
    setPending(true);
    onError(null);
    const result = await client.call('accounts:setProtected', {
      id: account.id,
      protected: next,
      ...(typedHandle !== undefined ? { typedHandle } : {}),
    });
    setPending(false);
    if (result.ok) {
      upsertAccount(result.value);
      setUnprotecting(false);
      setTyped('');
    } else onError(result.error.code);
  }

  return (
    <div className="account__protect">
      <input
        id={protectedId}
        type="checkbox"
        role="switch"
        checked={account.protected}
        disabled={pending}
        aria-describedby={`${protectedId}-hint`}
        onChange={(e) => void toggleProtected(e.target.checked)}
      />
      <label htmlFor={protectedId}>{label}</label>
      <p className="hint" id={`${protectedId}-hint`}>
        {t('accounts.protectedHint')}
      </p>
      {unprotecting && (
        <form
          className="account__unprotect"
          onSubmit={(e) => {
            e.preventDefault();
            if (handleMatches(typed, account.handle)) void toggleProtected(false, typed);
          }}
        >
          <label htmlFor={`${protectedId}-typed`}>
            {t('accounts.unprotectTypeHandle', { handle: account.handle })}
          </label>
          <input
            id={`${protectedId}-typed`}
            type="text"
            autoComplete="off"
            spellCheck={false}
            autoFocus
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') setUnprotecting(false);
            }}
          />
          <button
            type="submit"
            className="button"
            disabled={pending || !handleMatches(typed, account.handle)}
          >
            {t('accounts.unprotect')}
          </button>
          <button type="button" className="button" onClick={() => setUnprotecting(false)}>
            {t('accounts.cancel')}
          </button>
        </form>
      )}
    </div>
  );
}
