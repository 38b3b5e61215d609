// A team note with @mentions: picking a member writes `@Name` into the note and names them, so the server
// notifies exactly the members still mentioned in the text when it is added.
import { forwardRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Expert } from '../../../../../src-shared/desk/desk-team-contract.ts';
import { useServices } from '../../../../app-context.tsx';

export const TeamNoteForm = forwardRef<
  HTMLTextAreaElement,
  { conversationId: string; members: readonly Expert[] }
>(function TeamNoteForm({ conversationId, members }, ref) {
  const { t } = useTranslation();
  const { client } = useServices();
  const [note, setNote] = useState('');
  const [picked, setPicked] = useState<readonly Expert[]>([]);
  const [error, setError] = useState<string | null>(null);

  const add = async () => {
    if (!note.trim()) return;
    // A mention erased from the text no longer notifies its member.
    const mentions = picked.filter((m) => note.includes(`@${m.displayName}`)).map((m) => m.memberId);
    const added = await client.call('teamDesk:addNote', { id: conversationId, text: note, mentions });
    if (!added.ok) return setError(t('inbox.team.failed', { message: added.error.message }));
    setNote('');
    setPicked([]);
    setError(null);
  };

  return (
    <form
      className="inbox__note-form"
      onSubmit={(e) => {
        e.preventDefault();
        void add();
      }}
    >
      <label htmlFor={`team-note-${conversationId}`}>{t('inbox.note.label')}</label>
      <textarea
        id={`team-note-${conversationId}`}
        ref={ref}
        rows={2}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void add();
        }}
      />
      <select
        aria-label={t('inbox.team.mentionLabel')}
        value=""
        onChange={(e) => {
          const member = members.find((m) => m.memberId === e.target.value);
          if (!member) return;
          setPicked((current) => [...current.filter((m) => m.memberId !== member.memberId), member]);
          setNote(
            (current) => `${current}${current && !current.endsWith(' ') ? ' ' : ''}@${member.displayName} `,
          );
        }}
      >
        <option value="">{t('inbox.team.mention')}</option>
        {members.map((m) => (
          <option key={m.memberId} value={m.memberId}>
            {m.displayName}
          </option>
        ))}
      </select>
      <button type="submit" className="button" disabled={!note.trim()}>
        {t('inbox.note.add')}
      </button>
      {error && <p role="alert">{error}</p>}
    </form>
  );
});
