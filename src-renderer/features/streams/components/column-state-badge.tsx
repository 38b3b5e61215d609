// The column's connection state as main reports it: live, polling, offline, error with the retry time,
// or needs sign-in.
import { useTranslation } from 'react-i18next';
import type { ColumnState } from '../../../../src-shared/contract/streams-contract.ts';
import { isErrorCode } from '../../../../src-shared/contract/errors.ts';

export function ColumnStateBadge({ state, onRetry }: { state: ColumnState | null; onRetry: () => void }) {
  const { t, i18n } = useTranslation();
  const kind = state?.state ?? 'idle';
  const label = kind === 'paused' ? t('streams.state.offline') : t(`streams.state.${kind}`);
  let detail: string | null = null;
  if (state?.state === 'error') {
    const code = isErrorCode(state.errorCode) ? state.errorCode : 'internal';
    const at = state.retryAt
      ? new Date(state.retryAt).toLocaleTimeString(i18n.language, { hour: '2-digit', minute: '2-digit' })
      : null;
    detail = `${t(`errors.${code}`)}${at ? ` ${t('streams.state.retryAt', { time: at })}` : ''}`;
  }
  return (
    <span className="column__state" data-state={kind} title={detail ?? label}>
      <span className="column__state-dot" aria-hidden="true" />
      {label}
      {detail && <span className="visually-hidden">{detail}</span>}
      {(kind === 'error' || kind === 'paused') && (
        <button type="button" className="link-button" onClick={onRetry}>
          {t('streams.state.retry')}
        </button>
      )}
    </span>
  );
}
