// The desk's reply box. A reply goes out through the same guarded path as the deck's inline reply
// (publish:preflight → confirmation → publish:clear → outbox:submit); before that, the collision guard asks
// main what reached the conversation since the draft began and holds the reply until the expert chooses.
import { forwardRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  ConversationDetail,
  DeskChange,
  SavedReply,
} from '../../../../src-shared/contract/desk-contract.ts';
import { lastInbound, replyPostFor } from '../../../../src-shared/desk/reply-post.ts';
import { useRoost, useServices } from '../../../app-context.tsx';
import { ConfirmDialog } from '../../../publishing/confirm-dialog.tsx';
import { useGuardedFlow, type GuardedOutcome } from '../../../publishing/guarded-flow.ts';
import { useJobProgress } from '../../../publishing/job-progress.ts';
import { ProgressLine } from '../../../publishing/progress-line.tsx';
import { CollisionDialog } from './collision-dialog.tsx';

export const ReplyBox = forwardRef<
  HTMLTextAreaElement,
  { detail: ConversationDetail; savedReplies: readonly SavedReply[] }
>(function ReplyBox({ detail, savedReplies }, ref) {
  const { t, i18n } = useTranslation();
  const { client } = useServices();
  const accounts = useRoost((s) => s.accounts);
  const undoSeconds = useRoost((s) => s.undoSeconds);
  const [text, setText] = useState('');
  const [draftStartedAt, setDraftStartedAt] = useState<number | null>(null);
  const [changes, setChanges] = useState<readonly DeskChange[] | null>(null);
  const [picked, setPicked] = useState('');
  const flow = useGuardedFlow();
  const tracker = useJobProgress(client);
  const { summary } = detail;
  const account = accounts?.find((a) => a.id === summary.accountId) ?? null;
  const target = lastInbound(detail.messages);
  const busy = flow.phase !== 'idle';

  const edit = (value: string) => {
    if (draftStartedAt === null && value.trim() !== '') setDraftStartedAt(Date.now());
    if (value.trim() === '') setDraftStartedAt(null);
    setText(value);
  };

  const settle = async (outcome: GuardedOutcome) => {
    if (outcome.kind !== 'submitted') return;
    tracker.track(outcome.jobs);
    const job = outcome.jobs[0];
    if (job) await client.call('desk:recordReply', { id: summary.id, jobId: job.id, text });
    setText('');
    setDraftStartedAt(null);
  };

  const publish = async () => {
    if (!target || !account) return;
    const post = replyPostFor(target, account.id, text);
    await settle(
      await flow.start({
        preflight: () => client.call('publish:preflight', { post }),
        clear: (digest, typedHandles, acknowledged) =>
          client.call('publish:clear', { post, digest, typedHandles, acknowledged }),
        submit: (clearanceId) =>
          client.call('outbox:submit', { draftId: null, post, clearanceId, undoSeconds, campaign: null }),
      }),
    );
  };

  const send = async () => {
    if (!text.trim() || busy) return;
    const since = draftStartedAt ?? Date.now();
    const changed = await client.call('desk:changesSince', { id: summary.id, since });
    if (changed.ok && changed.value.length > 0) {
      setChanges(changed.value);
      return;
    }
    await publish();
  };

  const insert = async () => {
    if (!picked) return;
    const lang = i18n.language.startsWith('fr') ? 'fr' : 'en';
    const filled = await client.call('desk:useReply', { id: picked, conversationId: summary.id, lang });
    if (filled.ok) edit(text ? `${text}\n${filled.value.text}` : filled.value.text);
  };

  if (!target || !account) return null;
  return (
    <>
      <form
        className="composer inbox__reply"
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
      >
        <label className="composer__label" htmlFor={`desk-reply-${summary.id}`}>
          {t('inbox.reply.label', { handle: account.handle })}
        </label>
        <textarea
          id={`desk-reply-${summary.id}`}
          ref={ref}
          value={text}
          rows={3}
          readOnly={busy}
          onChange={(e) => edit(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void send();
          }}
        />
        {savedReplies.length > 0 && (
          <div className="inbox__saved">
            <select
              aria-label={t('inbox.reply.saved')}
              value={picked}
              onChange={(e) => setPicked(e.target.value)}
            >
              <option value="">{t('inbox.reply.saved')}</option>
              {savedReplies.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.title}
                </option>
              ))}
            </select>
            <button type="button" className="button" onClick={() => void insert()} disabled={!picked}>
              {t('inbox.reply.insert')}
            </button>
          </div>
        )}
        {flow.error && flow.phase === 'idle' && (
          <p className="item__error" role="alert">
            {flow.error}
          </p>
        )}
        <ProgressLine progress={tracker} what="post" />
        <div className="composer__actions">
          <button type="submit" className="button button--primary" disabled={busy || !text.trim()}>
            {busy ? t('inbox.reply.sending') : t('inbox.reply.send')}
          </button>
        </div>
      </form>
      {changes && (
        <CollisionDialog
          changes={changes}
          onSendAnyway={() => {
            setChanges(null);
            void publish();
          }}
          onEdit={() => {
            setChanges(null);
            setDraftStartedAt(Date.now());
          }}
          onDiscard={() => {
            setChanges(null);
            edit('');
          }}
        />
      )}
      {flow.phase === 'confirm' && flow.preflight && (
        <ConfirmDialog
          preflight={flow.preflight}
          accounts={accounts ?? []}
          busy={false}
          error={flow.error}
          onConfirm={(typed, acknowledged) => void flow.confirm(typed, acknowledged).then(settle)}
          onCancel={flow.cancel}
        />
      )}
    </>
  );
});
