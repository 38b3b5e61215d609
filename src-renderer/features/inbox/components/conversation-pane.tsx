// One conversation: the thread with internal notes interleaved, the SLA badge, state actions, a note box,
// the reply box and the contact's earlier conversations. Network text is shown as plain text only.
import { forwardRef, useImperativeHandle, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  ConversationDetail,
  DeskActionInput,
  SavedReply,
} from '../../../../src-shared/contract/desk-contract.ts';
import { useServices } from '../../../app-context.tsx';
import { timelineOf } from '../model/timeline.ts';
import { ReplyBox } from './reply-box.tsx';
import { SlaBadge } from './sla-badge.tsx';
import { ImpostorBadge } from '../../shell/ui/protection-badges.tsx';

export interface PaneHandle {
  focusNote(): void;
  focusReply(): void;
}

const HOUR_MS = 3_600_000;

export const ConversationPane = forwardRef<
  PaneHandle,
  {
    detail: ConversationDetail;
    savedReplies: readonly SavedReply[];
    now: number;
    onAct: (action: DeskActionInput) => void;
  }
>(function ConversationPane({ detail, savedReplies, now, onAct }, ref) {
  const { t, i18n } = useTranslation();
  const { client } = useServices();
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const replyRef = useRef<HTMLTextAreaElement>(null);
  const [note, setNote] = useState('');
  useImperativeHandle(ref, () => ({
    focusNote: () => noteRef.current?.focus(),
    focusReply: () => replyRef.current?.focus(),
  }));
  const { summary } = detail;
  const time = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' });

  const addNote = async () => {
    if (!note.trim()) return;
    const added = await client.call('desk:addNote', { id: summary.id, text: note });
    if (added.ok) setNote('');
  };

  return (
    <article className="inbox__pane" aria-labelledby="inbox-pane-title" data-testid="inbox-pane">
      <header className="inbox__pane-head">
        <h2 id="inbox-pane-title">
          {summary.contact.displayName || `@${summary.contact.handle}`}{' '}
          <span className="inbox__handle">@{summary.contact.handle}</span>
        </h2>
        {summary.contact.impostor && <ImpostorBadge flag={summary.contact.impostor} />}
        <span className="badge badge--neutral">{t(`inbox.state.${summary.state}`)}</span>
        <span className="inbox__priority" title={summary.priorityReasons.join(', ')}>
          {t('inbox.priority', { score: summary.priority })}
        </span>
        <SlaBadge sla={summary.sla} now={now} />
      </header>
      <div className="inbox__actions" role="group" aria-label={t('inbox.actions.label')}>
        {summary.state === 'resolved' ? (
          <button type="button" className="button" onClick={() => onAct({ kind: 'reopen' })}>
            {t('inbox.actions.reopen')}
          </button>
        ) : (
          <>
            {summary.ownerId === null && (
              <button type="button" className="button" onClick={() => onAct({ kind: 'claim' })}>
                {t('inbox.actions.claim')}
              </button>
            )}
            <button type="button" className="button" onClick={() => onAct({ kind: 'resolve' })}>
              {t('inbox.actions.resolve')}
            </button>
            {summary.state !== 'pending' && (
              <button type="button" className="button" onClick={() => onAct({ kind: 'pending' })}>
                {t('inbox.actions.pending')}
              </button>
            )}
            <button
              type="button"
              className="button"
              onClick={() => onAct({ kind: 'snooze', until: Date.now() + HOUR_MS })}
            >
              {t('inbox.actions.snooze')}
            </button>
          </>
        )}
      </div>
      <section aria-label={t('inbox.thread')}>
        <ol className="inbox__thread">
          {timelineOf(detail.messages, detail.notes).map((entry) =>
            entry.kind === 'message' ? (
              <li
                key={entry.message.id}
                className={`inbox__message inbox__message--${entry.message.direction}`}
                data-testid="inbox-message"
              >
                <span className="inbox__meta">
                  @{entry.message.authorHandle} · {time.format(entry.at)}
                </span>
                <p>{entry.message.text}</p>
              </li>
            ) : (
              <li key={entry.note.id} className="inbox__note" data-testid="inbox-note">
                <span className="inbox__meta">
                  {t('inbox.note.badge')} · {time.format(entry.at)}
                </span>
                <p>{entry.note.text}</p>
              </li>
            ),
          )}
        </ol>
      </section>
      <form
        className="inbox__note-form"
        onSubmit={(e) => {
          e.preventDefault();
          void addNote();
        }}
      >
        <label htmlFor={`desk-note-${summary.id}`}>{t('inbox.note.label')}</label>
        <textarea
          id={`desk-note-${summary.id}`}
          ref={noteRef}
          rows={2}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void addNote();
          }}
        />
        <button type="submit" className="button" disabled={!note.trim()}>
          {t('inbox.note.add')}
        </button>
      </form>
      {summary.state !== 'resolved' && (
        <ReplyBox ref={replyRef} detail={detail} savedReplies={savedReplies} />
      )}
      <section className="inbox__history" aria-labelledby="inbox-history-title">
        <h3 id="inbox-history-title">{t('inbox.history.title', { handle: `@${summary.contact.handle}` })}</h3>
        {detail.history.length === 0 ? (
          <p>{t('inbox.history.none')}</p>
        ) : (
          <ul>
            {detail.history.map((h) => (
              <li key={h.id}>
                {time.format(h.createdAt)} · {t(`inbox.state.${h.state}`)} · {h.excerpt}
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
});
