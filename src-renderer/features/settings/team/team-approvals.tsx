// The approvals queue (Settings → Team), where an approver already goes for the team: tabs To approve, Mine,
// Rejected and Expired; each request shows its snapshot read-only (what will be published, as which account,
// when), and in To approve the approver approves it or rejects it with a note. Lists reload when a change
// reaches this computer, so a request decided elsewhere leaves the queue.
import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApprovalListItem, ApprovalView } from '../../../../src-shared/approvals/approval-contract.ts';
import { APPROVAL_VIEWS } from '../../../../src-shared/approvals/approval-contract.ts';
import type { ContractError } from '../../../../src-shared/contract/errors.ts';
import { useServices } from '../../../app-context.tsx';
import { TeamProblem, useTeamTime } from './team-problem.tsx';

export function TeamApprovals() {
  const { t } = useTranslation();
  const { client } = useServices();
  const [view, setView] = useState<ApprovalView>('to_approve');
  const [items, setItems] = useState<readonly ApprovalListItem[] | null>(null);
  const [error, setError] = useState<ContractError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const reload = useCallback(async () => {
    const result = await client.call('team:approvals', { view });
    if (result.ok) {
      setItems(result.value);
      setError(null);
    } else setError(result.error);
  }, [client, view]);
  useEffect(() => {
    setItems(null);
    void reload();
    return client.on('team:changed', () => void reload());
  }, [client, reload]);

  const decided = async (result: { ok: true } | { ok: false; error: ContractError }, done: string) => {
    if (result.ok) {
      setError(null);
      setNotice(done);
    } else {
      setNotice(null);
      // Another approver decided first: say so rather than a generic failure.
      const conflict = result.error.issues?.some((i) => i.message === 'conflict');
      if (conflict) setNotice(t('team.approvals.alreadyDecided'));
      else setError(result.error);
    }
    await reload();
  };

  return (
    <div className="team-approvals" data-testid="team-approvals">
      <h3>{t('team.approvals.title')}</h3>
      <div role="tablist" aria-label={t('team.approvals.title')} className="tabs">
        {APPROVAL_VIEWS.map((v) => (
          <button
            key={v}
            type="button"
            role="tab"
            aria-selected={v === view}
            data-testid={`approvals-tab-${v}`}
            className={v === view ? 'tab tab--active' : 'tab'}
            onClick={() => {
              setNotice(null);
              setView(v);
            }}
          >
            {t(`team.approvals.views.${v}`)}
          </button>
        ))}
      </div>
      {notice && (
        <p className="notice" role="status" data-testid="approvals-notice">
          {notice}
        </p>
      )}
      <TeamProblem error={error} />
      {items === null ? (
        <p role="status">{t('team.loading')}</p>
      ) : items.length === 0 ? (
        <p className="hint">{t(`team.approvals.empty.${view}`)}</p>
      ) : (
        <ul data-testid="approvals-list" role="tabpanel">
          {items.map((item) => (
            <ApprovalCard
              key={item.request.id}
              item={item}
              canDecide={view === 'to_approve'}
              onApprove={async () =>
                decided(
                  await client.call('team:approve', { id: item.request.id }),
                  t('team.approvals.approved'),
                )
              }
              onReject={async (note) =>
                decided(
                  await client.call('team:reject', { id: item.request.id, note }),
                  t('team.approvals.rejected'),
                )
              }
            />
          ))}
        </ul>
      )}
    </div>
  );
}

function ApprovalCard(props: {
  item: ApprovalListItem;
  canDecide: boolean;
  onApprove: () => Promise<void>;
  onReject: (note: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const time = useTeamTime();
  const { request, accountHandle, authorName } = props.item;
  const [rejecting, setRejecting] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const noteId = useId();
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
    } finally {
      setBusy(false);
    }
  };
  const { snapshot } = request;
  return (
    <li className="approval-card" data-testid="approval" data-state={request.state}>
      <p className="approval-meta">
        {t(`team.approvals.kind.${snapshot.kind}`, { handle: accountHandle, author: authorName })}
        {' · '}
        {t(`team.approvals.states.${request.state}`)}
        {request.steps.length > 1 &&
          request.state === 'pending' &&
          ` · ${t('team.approvals.step', { current: request.currentStep + 1, total: request.steps.length })}`}
      </p>
      {/* The snapshot is what will be published: shown as text, never as an editable field. */}
      <blockquote className="approval-snapshot" data-testid="approval-text">
        {snapshot.text}
      </blockquote>
      {snapshot.scheduledAt !== null && (
        <p className="hint">{t('team.approvals.scheduled', { time: time(snapshot.scheduledAt) })}</p>
      )}
      {request.rejectionNote && (
        <p data-testid="approval-rejection">
          {t('team.approvals.rejectionNote', { note: request.rejectionNote })}
        </p>
      )}
      {request.notes.length > 0 && (
        <ul className="approval-notes" aria-label={t('team.approvals.notes')}>
          {request.notes.map((n) => (
            <li key={`${n.at}-${n.memberId}`}>{n.text}</li>
          ))}
        </ul>
      )}
      {props.canDecide && !rejecting && (
        <div className="form-actions">
          <button
            type="button"
            className="button button--primary"
            disabled={busy}
            onClick={() => void run(props.onApprove)}
          >
            {t('team.approvals.approve')}
          </button>
          <button type="button" className="button" disabled={busy} onClick={() => setRejecting(true)}>
            {t('team.approvals.reject')}
          </button>
        </div>
      )}
      {props.canDecide && rejecting && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void run(() => props.onReject(note));
          }}
        >
          <label htmlFor={noteId}>{t('team.approvals.noteLabel')}</label>
          <textarea id={noteId} value={note} maxLength={2_000} onChange={(e) => setNote(e.target.value)} />
          <div className="form-actions">
            <button type="submit" className="button button--danger" disabled={busy || note.trim() === ''}>
              {t('team.approvals.confirmReject')}
            </button>
            <button type="button" className="button" onClick={() => setRejecting(false)}>
              {t('team.overview.cancel')}
            </button>
          </div>
        </form>
      )}
    </li>
  );
}
