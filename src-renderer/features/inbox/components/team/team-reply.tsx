// The team's reply box: the reply goes through main to the server's brand outbox; when the collision guard
// holds it (something arrived since the draft began), the expert sends anyway, edits or discards.
import { forwardRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskChange } from '../../../../../src-shared/contract/desk-contract.ts';
import { useServices } from '../../../../app-context.tsx';
import { CollisionDialog } from '../collision-dialog.tsx';

export const TeamReply = forwardRef<
  HTMLTextAreaElement,
  { conversationId: string; handle: string; onTyping: (typing: boolean) => void }
>(function TeamReply({ conversationId, handle, onTyping }, ref) {
  const { t } = useTranslation();
  const { client } = useServices();
  const [text, setText] = useState('');
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const [held, setHeld] = useState<readonly DeskChange[] | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  const reset = () => {
    setText('');
    setStartedAt(null);
    setHeld(null);
    onTyping(false);
  };
  const send = async (sendAnyway: boolean) => {
    if (!text.trim()) return;
    const result = await client.call('teamDesk:reply', {
      id: conversationId,
      text,
      draftStartedAt: startedAt ?? Date.now(),
      sendAnyway,
    });
    if (!result.ok) return setStatus(t('inbox.team.failed', { message: result.error.message }));
    if (result.value.outcome === 'held') return setHeld(result.value.changes);
    reset();
    setStatus(t('inbox.team.sent'));
  };

  return (
    <form
      className="inbox__reply"
      onSubmit={(e) => {
        e.preventDefault();
        void send(false);
      }}
    >
      <label htmlFor={`team-reply-${conversationId}`}>{t('inbox.reply.label', { handle })}</label>
      <textarea
        id={`team-reply-${conversationId}`}
        ref={ref}
        rows={3}
        value={text}
        onChange={(e) => {
          // The guard compares against when the draft began, not when it was sent.
          if (startedAt === null) setStartedAt(Date.now());
          setText(e.target.value);
          onTyping(e.target.value.trim().length > 0);
        }}
      />
      <button type="submit" className="button button--primary" disabled={!text.trim()}>
        {t('inbox.team.send')}
      </button>
      {status && <p role="status">{status}</p>}
      {held && (
        <CollisionDialog
          changes={held}
          onSendAnyway={() => void send(true)}
          onEdit={() => {
            // Editing starts the draft again from now: the expert has seen what arrived.
            setStartedAt(Date.now());
            setHeld(null);
          }}
          onDiscard={reset}
        />
      )}
    </form>
  );
});
