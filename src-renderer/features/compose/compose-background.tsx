// Always mounted: sends submissions kept while offline once main is reachable again, and shows the undo
// toast for a submission wherever the user is in the app.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoost, useServices } from '../../app-context.tsx';
import { useComposeServices } from './compose-services.tsx';
import { submitterFor } from './model/submitter.ts';
import { createFailureNotifier, desktopNotify } from './model/failure-notifier.ts';

export function ComposeBackground() {
  const { client, store } = useServices();
  const { drafts, now } = useComposeServices();

  useEffect(() => {
    const submitter = submitterFor(client, drafts);
    return submitter.start({
      onSubmitted: (draftId, jobs) => {
        const holds = jobs.map((j) => (j.holdUntil ? Date.parse(j.holdUntil) : 0));
        const until = Math.min(...holds);
        if (jobs.length > 0 && until > now()) {
          store.getState().offerUndo({
            draftId,
            jobIds: jobs.map((j) => j.id),
            accountCount: new Set(jobs.map((j) => j.accountId)).size,
            until,
          });
        }
      },
    });
  }, [client, drafts, store, now]);

  const { t } = useTranslation();
  useEffect(() => {
    const notifyFailures = createFailureNotifier(desktopNotify, (job) => ({
      title: t(`compose.notify.${job.state === 'overdue' ? 'overdue' : 'failed'}`),
      body: job.lastError ? `${job.text.slice(0, 80)} — ${job.lastError.message}` : job.text.slice(0, 120),
    }));
    return client.on('outbox:changed', (payload) => notifyFailures(payload.jobs));
  }, [client, t]);

  return <UndoToast />;
}

function UndoToast() {
  const { t } = useTranslation();
  const { client, store } = useServices();
  const { drafts, now } = useComposeServices();
  const offer = useRoost((s) => s.undoOffer);
  const [tick, setTick] = useState(() => now());
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    if (!offer) return;
    setTick(now());
    const timer = setInterval(() => {
      const at = now();
      setTick(at);
      if (at >= offer.until) store.getState().offerUndo(null);
    }, 250);
    return () => clearInterval(timer);
  }, [offer, now, store]);

  useEffect(() => {
    if (!message) return;
    const timer = setTimeout(() => setMessage(null), 6_000);
    return () => clearTimeout(timer);
  }, [message]);

  const undo = async () => {
    if (!offer) return;
    store.getState().offerUndo(null);
    const results = await Promise.all(offer.jobIds.map((jobId) => client.call('outbox:cancel', { jobId })));
    const cancelled = results.every((r) => r.ok && r.value.cancelled);
    if (cancelled) {
      await drafts.reopen(offer.draftId);
      store.getState().requestDraft(offer.draftId);
      store.getState().navigate('compose');
    }
    setMessage(cancelled ? t('compose.undone') : t('compose.undoFailed'));
  };

  if (!offer && !message) return null;
  const seconds = offer ? Math.max(0, Math.ceil((offer.until - tick) / 1000)) : 0;
  return (
    <div className="toast" role="status" data-testid="undo-toast">
      {offer ? (
        <>
          <span>{t('publishing.progress.post.holding', { seconds })}</span>
          <button type="button" className="button" onClick={() => void undo()}>
            {t('compose.undo', { seconds })}
          </button>
        </>
      ) : (
        <span>{message}</span>
      )}
    </div>
  );
}
