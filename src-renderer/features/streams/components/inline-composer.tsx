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
import { ConfirmDialog } from '../../../publishing/confirm-dialog.tsx';
import {
  useGuardedFlow,
  type GuardedOutcome,
  type GuardedRequest,
} from '../../../publishing/guarded-flow.ts';
import { useJobProgress } from '../../../publishing/job-progress.ts';
import { ProgressLine } from '../../../publishing/progress-line.tsx';
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
  const { client, store } = useServices();
  const actions = useItemActions();
  const accounts = useRoost((s) => s.accounts);
  const undoSeconds = useRoost((s) => s.undoSeconds);
  const setReplying = useRoost((s) => s.setReplying);
  const [text, setText] = useState('');
  const ref = useRef<HTMLTextAreaElement>(null);
  const flow = useGuardedFlow();
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
  const tracker = useJobProgress(client, onJobs);
  useEffect(() => ref.current?.focus(), []);
  if (!actions?.accountId) return null;
  const accountId = actions.accountId;

  const progress = tracker.progress?.kind;
  const busy = flow.phase !== 'idle' || progress === 'holding' || progress === 'sending';

  const settle = (outcome: GuardedOutcome) => {
    if (outcome.kind === 'submitted') tracker.track(outcome.jobs);
  };

  const send = async () => {
    if (!text.trim() || busy) return;
    const post = answerOf(item, accountId, mode, text);
    sentText.current = text;
    const request: GuardedRequest = {
      preflight: () => client.call('publish:preflight', { post }),
      clear: (digest, typedHandles, acknowledged) =>
        client.call('publish:clear', { post, digest, typedHandles, acknowledged }),
      submit: (clearanceId) =>
        client.call('outbox:submit', { draftId: null, post, clearanceId, undoSeconds, campaign: null }),
    };
    settle(await flow.start(request));
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
        {flow.error && flow.phase === 'idle' && (
          <p className="item__error" role="alert">
            {flow.error}
          </p>
        )}
        <ProgressLine progress={tracker} what="post" />
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
}
