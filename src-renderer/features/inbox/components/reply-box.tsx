// The desk's reply box. A reply goes out through the same guarded send as the deck's inline reply
// (publishing/use-reply-send.ts); before that, the collision guard asks main what reached the conversation
// since the draft began and holds the reply until the expert chooses.
import { forwardRef, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  ConversationDetail,
  DeskChange,
  SavedReply,
} from '../../../../src-shared/contract/desk-contract.ts';
import { lastInbound, replyPostFor } from '../../../../src-shared/desk/reply-post.ts';
import { useRoost, useServices } from '../../../app-context.tsx';
import { ReplyConfirm, ReplySendStatus } from '../../../publishing/reply-send-parts.tsx';
import { useReplySend } from '../../../publishing/use-reply-send.ts';
import { CollisionDialog } from './collision-dialog.tsx';

export const ReplyBox = forwardRef<
  HTMLTextAreaElement,
  { detail: ConversationDetail; savedReplies: readonly SavedReply[] }
>(function ReplyBox({ detail, savedReplies }, ref) {
  const { t, i18n } = useTranslation();
  const { client } = useServices();
  const accounts = useRoost((s) => s.accounts);
  const [text, setText] = useState('');
  const [draftStartedAt, setDraftStartedAt] = useState<number | null>(null);
  const [changes, setChanges] = useState<readonly DeskChange[] | null>(null);
  const [picked, setPicked] = useState('');
  // The text that was sent, for the desk's record: the box may be edited again while the job is held.
  const sentText = useRef('');
  const reply = useReplySend({
    onSubmitted: async (jobs) => {
      const job = jobs[0];
      if (job)
        await client.call('desk:recordReply', { id: summary.id, jobId: job.id, text: sentText.current });
      setText('');
      setDraftStartedAt(null);
    },
  });
  const { summary } = detail;
  const account = accounts?.find((a) => a.id === summary.accountId) ?? null;
  const target = lastInbound(detail.messages);
  const { busy } = reply;

  const edit = (value: string) => {
    if (draftStartedAt === null && value.trim() !== '') setDraftStartedAt(Date.now());
    if (value.trim() === '') setDraftStartedAt(null);
    setText(value);
  };

  const publish = async () => {
    if (!target || !account) return;
    sentText.current = text;
    await reply.send(replyPostFor(target, account.id, text));
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
        <ReplySendStatus reply={reply} />
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
      <ReplyConfirm reply={reply} />
    </>
  );
});
