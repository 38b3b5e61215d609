// The last check before a guarded post goes out: type each protected account's handle, tick each
// decision that needs confirming, and read the warnings. Main checks the same answers again.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../src-shared/domain/account.ts';
import type { RequestOutput } from '../../src-shared/contract/contract.ts';
import { DialogShell } from '../features/shell/ui/dialog-shell.tsx';

export type Preflight = RequestOutput<'publish:preflight'>;

export function handleMatches(typed: string, handle: string): boolean {
  return typed.trim().replace(/^@/, '').toLowerCase() === handle.toLowerCase();
}

export function ConfirmDialog({
  preflight,
  accounts,
  busy,
  error = null,
  onConfirm,
  onCancel,
}: {
  preflight: Preflight;
  accounts: readonly Account[];
  busy: boolean;
  /** Main's refusal of the last confirmation (a mistyped handle, a post that changed), shown in place. */
  error?: string | null;
  onConfirm: (typedHandles: Record<string, string>, acknowledged: string[]) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState<Record<string, string>>({});
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  const protectedAccounts = preflight.typeHandleFor
    .map((id) => accounts.find((a) => a.id === id))
    .filter((a): a is Account => a !== undefined);
  const toAcknowledge = preflight.decisions.filter((d) => preflight.acknowledge.includes(d.id));
  const warnings = preflight.decisions.filter((d) => d.level === 'warn');
  const ready =
    protectedAccounts.length === preflight.typeHandleFor.length &&
    protectedAccounts.every((a) => handleMatches(typed[a.id] ?? '', a.handle)) &&
    toAcknowledge.every((d) => ticked.has(d.id));

  return (
    <DialogShell titleId="confirm-title" title={t('compose.confirm.title')} onEscape={onCancel}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (ready && !busy) onConfirm(typed, [...ticked]);
        }}
      >
        {protectedAccounts.map((account, i) => (
          <div className="field" key={account.id}>
            <label htmlFor={`type-${account.id}`}>
              {t('compose.confirm.typeHandle', { handle: account.handle })}
            </label>
            <input
              id={`type-${account.id}`}
              ref={i === 0 ? first : undefined}
              type="text"
              autoComplete="off"
              spellCheck={false}
              value={typed[account.id] ?? ''}
              onChange={(e) => setTyped((prev) => ({ ...prev, [account.id]: e.target.value }))}
            />
          </div>
        ))}
        {toAcknowledge.map((d) => (
          <div className="check" key={d.id}>
            <input
              id={`ack-${d.id}`}
              type="checkbox"
              checked={ticked.has(d.id)}
              onChange={(e) =>
                setTicked((prev) => {
                  const next = new Set(prev);
                  if (e.target.checked) next.add(d.id);
                  else next.delete(d.id);
                  return next;
                })
              }
            />
            <label htmlFor={`ack-${d.id}`}>{t('compose.confirm.acknowledge', { message: d.message })}</label>
          </div>
        ))}
        {warnings.length > 0 && (
          <>
            <h3>{t('compose.confirm.warnings')}</h3>
            <ul>
              {warnings.map((w) => (
                <li key={w.id}>{w.message}</li>
              ))}
            </ul>
          </>
        )}
        {error && (
          <p className="alert" role="alert">
            {error}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={!ready || busy}>
            {t('compose.confirm.send')}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            {t('compose.confirm.cancel')}
          </button>
        </div>
      </form>
    </DialogShell>
  );
}
