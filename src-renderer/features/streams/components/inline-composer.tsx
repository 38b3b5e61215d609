// The reply composer that opens in place under an item and sends `items:act` reply.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StreamItem } from '../../../../src-shared/domain/stream-item.ts';
import { useRoost } from '../../../app-context.tsx';
import { useItemActions } from './item-actions-context.ts';

export function InlineComposer({ item }: { item: StreamItem }) {
  const { t } = useTranslation();
  const actions = useItemActions();
  const setReplying = useRoost((s) => s.setReplying);
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => ref.current?.focus(), []);
  if (!actions) return null;

  const send = async () => {
    if (!text.trim() || sending) return;
    setSending(true);
    const failure = await actions.reply(item, text);
    setSending(false);
    if (failure) setError(failure);
    else setReplying(null);
  };

  return (
    <form
      className="composer"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <label className="composer__label" htmlFor={`reply-${item.key}`}>
        {t('streams.reply.label', { handle: item.author.handle })}
      </label>
      <textarea
        id={`reply-${item.key}`}
        ref={ref}
        value={text}
        rows={3}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setReplying(null);
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void send();
        }}
      />
      {error && (
        <p className="item__error" role="alert">
          {error}
        </p>
      )}
      <div className="composer__actions">
        <button type="submit" className="button button--primary" disabled={sending || !text.trim()}>
          {sending ? t('streams.reply.sending') : t('streams.reply.send')}
        </button>
        <button type="button" className="button" onClick={() => setReplying(null)}>
          {t('streams.reply.cancel')}
        </button>
      </div>
    </form>
  );
}
