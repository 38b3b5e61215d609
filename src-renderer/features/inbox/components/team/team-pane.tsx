// One team conversation: who owns it and who else is on it now (presence), the state actions and assigning
// to a member, the thread with the team's notes (by author) interleaved, a note box with @mentions and the
// reply box behind the collision guard. Network text is shown as plain text only.
import { forwardRef, useImperativeHandle, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  Expert,
  TeamConversationDetail,
  TeamDeskAction,
} from '../../../../../src-shared/desk/desk-team-contract.ts';
import { timelineOf } from '../../model/timeline.ts';
import { useTeamPresence } from '../../model/use-team-desk.ts';
import type { PaneHandle } from '../conversation-pane.tsx';
import { SlaBadge } from '../sla-badge.tsx';
import { TeamNoteForm } from './team-note-form.tsx';
import { TeamReply } from './team-reply.tsx';

const HOUR_MS = 3_600_000;

export const TeamPane = forwardRef<
  PaneHandle,
  {
    detail: TeamConversationDetail;
    members: readonly Expert[];
    me: string | null;
    now: number;
    onAct: (action: TeamDeskAction) => void;
  }
>(function TeamPane({ detail, members, me, now, onAct }, ref) {
  const { t, i18n } = useTranslation();
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const replyRef = useRef<HTMLTextAreaElement>(null);
  const [typing, setTyping] = useState(false);
  useImperativeHandle(ref, () => ({
    focusNote: () => noteRef.current?.focus(),
    focusReply: () => replyRef.current?.focus(),
  }));
  const { summary } = detail;
  const others = useTeamPresence(summary.id, me, typing);
  const time = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' });
  const simple = (kind: 'claim' | 'resolve' | 'pending' | 'reopen') => (
    <button type="button" className="button" onClick={() => onAct({ kind })}>
      {t(`inbox.actions.${kind}`)}
    </button>
  );

  return (
    <article className="inbox__pane" aria-labelledby="inbox-pane-title" data-testid="inbox-pane">
      <header className="inbox__pane-head">
        <h2 id="inbox-pane-title">
          {summary.contact.displayName || `@${summary.contact.handle}`}{' '}
          <span className="inbox__handle">@{summary.contact.handle}</span>
        </h2>
        <span className="badge badge--neutral">{t(`inbox.state.${summary.state}`)}</span>
        <span>
          {summary.ownerName ? t('inbox.team.owner', { name: summary.ownerName }) : t('inbox.team.unowned')}
        </span>
        <SlaBadge sla={summary.sla} now={now} />
      </header>
      <ul className="inbox__presence" aria-live="polite" data-testid="team-presence">
        {others.map((p) => (
          <li key={p.memberId}>{t(`inbox.team.${p.activity ?? 'viewing'}`, { name: p.displayName })}</li>
        ))}
      </ul>
      <div className="inbox__actions" role="group" aria-label={t('inbox.actions.label')}>
        {summary.state === 'resolved' ? (
          simple('reopen')
        ) : (
          <>
            {summary.ownerId !== me && simple('claim')}
            {simple('resolve')}
            {summary.state !== 'pending' && simple('pending')}
            <button
              type="button"
              className="button"
              onClick={() => onAct({ kind: 'snooze', until: Date.now() + HOUR_MS })}
            >
              {t('inbox.actions.snooze')}
            </button>
            <select
              aria-label={t('inbox.team.assignLabel')}
              value=""
              onChange={(e) => e.target.value && onAct({ kind: 'assign', memberId: e.target.value })}
            >
              <option value="">{t('inbox.team.assignTo')}</option>
              {members.map((m) => (
                <option key={m.memberId} value={m.memberId}>
                  {m.displayName}
                </option>
              ))}
            </select>
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
                  {t('inbox.team.noteBy', { name: entry.note.authorName })} · {time.format(entry.at)}
                </span>
                <p>{entry.note.text}</p>
              </li>
            ),
          )}
        </ol>
      </section>
      <TeamNoteForm ref={noteRef} conversationId={summary.id} members={members} />
      {summary.state !== 'resolved' && (
        <TeamReply
          ref={replyRef}
          conversationId={summary.id}
          handle={summary.contact.handle}
          onTyping={setTyping}
        />
      )}
    </article>
  );
});
