// What the team server did with the draft: each accepted post and its state, the guard question to confirm,
// or why it refused.
import { useTranslation } from 'react-i18next';
import type { TeamSendState } from './use-team-send.ts';
import type { TeamPostProblem } from './team-post.ts';

export function TeamSendReport({
  state,
  onConfirm,
  onCancel,
}: {
  state: TeamSendState;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div data-testid="team-send-report">
      {state.busy && <p role="status">{t('compose.team.sending')}</p>}
      {state.accepted.length > 0 && (
        <ul className="notice" role="status">
          {state.accepted.map(({ post, handle }) => (
            <li key={post.id} data-testid="team-send-accepted" data-state={post.state}>
              {post.state === 'queued' || post.state === 'awaiting_approval'
                ? t(`compose.team.accepted_${post.state}`, { handle })
                : t('compose.team.accepted_other', { handle, state: post.state })}
            </li>
          ))}
        </ul>
      )}
      {state.confirm && (
        <div className="confirm" role="group" data-testid="team-send-confirm">
          <p>
            {t('compose.team.confirmHint', { handle: state.confirm.brand.account.handle })}{' '}
            {state.confirm.message}
          </p>
          <button type="button" className="button button--danger" onClick={onConfirm}>
            {t('compose.team.confirm', { handle: state.confirm.brand.account.handle })}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            {t('compose.team.cancel')}
          </button>
        </div>
      )}
      {state.failure && (
        <p className="alert" role="alert" data-testid="team-send-failed">
          {t('compose.team.failed', {
            handle: state.failure.brand.account.handle,
            message: state.failure.error.message,
          })}
        </p>
      )}
    </div>
  );
}

export function TeamPostProblems({ problems }: { problems: readonly TeamPostProblem[] }) {
  const { t } = useTranslation();
  if (problems.length === 0) return null;
  return (
    <ul className="compose__problems" data-testid="team-post-problems">
      {problems.map((p, i) => (
        <li key={i}>
          {p.kind === 'team-too-long'
            ? t('compose.team.problems.team-too-long', { handle: p.handle, over: p.over })
            : t(`compose.team.problems.${p.kind}`)}
        </li>
      ))}
    </ul>
  );
}
