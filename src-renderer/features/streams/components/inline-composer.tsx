// The reply (or quote) composer that opens in place under an item. It publishes the way the composer does:
// main's guards first, the confirmation dialog when they ask for one (a protected account's handle, a
// cross-account reply, a look-alike link, a blocked term, a duplicate), then the outbox with its undo window.
// The text stays here until the network has the post; after undo it is back for editing.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutgoingPost } from '../../../../src-shared/compose/post.ts';
import type { OutboxJob } from '../../../../src-shared/contract/publishing-contract.ts';
import type { StreamItem } from '../../../../src-shared/domain/stream-item.ts';
import { useRoost, useServices } from '../../../app-context.tsx';
import { ReplyConfirm, ReplySendStatus } from '../../../publishing/reply-send-parts.tsx';
import { useReplySend } from '../../../publishing/use-reply-send.ts';
import { useItemActions } from './item-actions-context.ts';

export function answerOf(
  item: StreamItem,
  accountId: string,
  mode: 'reply' | 'quote',
  text: string,
): OutgoingPost {
  if (item.network === 'rss') throw new Error('Feed items cannot be answered.');
  const ref = {
    network: item.network,
    remoteId: item.network === 'mastodon' && item.actionRef ? item.actionRef : item.remoteId,
    cid: item.network === 'bluesky' ? item.actionRef : null,
    sourceAccountId: accountId,
  };
  return {
    targets: [{ accountId, network: item.network, text, contentWarning: null, media: [] }],
    replyTo: mode === 'reply' ? ref : null,
    quote: mode === 'quote' ? ref : null,
    scheduledAt: null,
  };
}

export function InlineComposer({ item, mode = 'reply' }: { item: StreamItem; mode?: 'reply' | 'quote' }) {
  const { t } = useTranslation();
  const { store } = useServices();
  const actions = useItemActions();
  const setReplying = useRoost((s) => s.setReplying);
  const [text, setText] = useState('');
  const ref = useRef<HTMLTextAreaElement>(null);
  const sentText = useRef('');

  const onJobs = useCallback(
    (jobs: readonly OutboxJob[]) => {
      const job = jobs[0];
      if (!job || !actions?.account || !jobs.every((j) => j.state === 'sent')) return;
      store.getState().addSentEcho(item.remoteId, {
        jobId: job.id,
        kind: mode,
        handle: actions.account.handle,
        text: sentText.current,
        url: job.url,
      });
      actions.replied(item, mode);
      // Done: the reply now shows under its item, and the box closes.
      setReplying(null);
    },
    [actions, item, mode, store, setReplying],
  );
  const reply = useReplySend({ onJobs });
  useEffect(() => ref.current?.focus(), []);
  if (!actions?.accountId) return null;
  const accountId = actions.accountId;

  const { busy } = reply;

  const send = async () => {
    if (!text.trim() || busy) return;
    sentText.current = text;
    await reply.send(answerOf(item, accountId, mode, text));
  };

  const label = mode === 'reply' ? 'streams.reply.label' : 'streams.reply.quoteLabel';
  return (
    <>
      <form
        className="composer"
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
      >
        <label className="composer__label" htmlFor={`${mode}-${item.key}`}>
          {t(label, { handle: item.author.handle })}
        </label>
        <textarea
          id={`${mode}-${item.key}`}
          ref={ref}
          value={text}
          rows={3}
          readOnly={busy}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && !busy) setReplying(null);
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void send();
          }}
        />
        <ReplySendStatus reply={reply} />
        <div className="composer__actions">
          <button type="submit" className="button button--primary" disabled={busy || !text.trim()}>
            {busy
              ? t('streams.reply.sending')
              : t(mode === 'reply' ? 'streams.reply.send' : 'streams.reply.sendQuote')}
          </button>
          <button type="button" className="button" onClick={() => setReplying(null)}>
            {t('streams.reply.cancel')}
          </button>
        </div>
      </form>
      <ReplyConfirm reply={reply} />
    </>
  );
}
