// Under a card: the line for a repost, unrepost or delete started from it (undo during the window, retry
// after a failure), and the replies and quotes the user sent to it from the deck.
import { useCallback, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoost, useServices } from '../../../app-context.tsx';
import { safeHttpUrl } from '../../../sanitize/safe-url.ts';
import type { ItemJobs } from '../model/item-jobs.ts';
import { ProgressLine, type ProgressSource } from '../../../publishing/progress-line.tsx';

const NO_ECHOES: readonly never[] = [];

export function ItemJobLine({ jobs, itemKey }: { jobs: ItemJobs; itemKey: string }) {
  const { client } = useServices();
  const entry = useSyncExternalStore(
    useCallback((cb: () => void) => jobs.subscribe(itemKey, cb), [jobs, itemKey]),
    () => jobs.get(itemKey),
  );
  if (!entry) return null;
  const source: ProgressSource = {
    progress: entry.progress,
    undo: async () => {
      const result = await client.call('outbox:cancel', { jobId: entry.job.id });
      return result.ok && result.value.cancelled;
    },
    retry: async () => {
      const result = await client.call('outbox:retry', { jobId: entry.job.id });
      return result.ok ? null : result.error.message;
    },
  };
  return <ProgressLine progress={source} what={entry.what} />;
}

export function SentEchoes({ subjectId }: { subjectId: string }) {
  const { t } = useTranslation();
  const echoes = useRoost((s) => s.sentEchoes[subjectId] ?? NO_ECHOES);
  if (echoes.length === 0) return null;
  return (
    <ul className="item__echoes" aria-label={t('streams.item.replyLabel')}>
      {echoes.map((echo) => {
        const url = safeHttpUrl(echo.url);
        return (
          <li key={echo.jobId} className="item__echo" data-testid="sent-echo">
            <span className="item__handle">{t('streams.item.repliedAs', { handle: echo.handle })}</span>{' '}
            {url ? (
              <a href={url} target="_blank" rel="noopener noreferrer">
                {echo.text}
              </a>
            ) : (
              echo.text
            )}
          </li>
        );
      })}
    </ul>
  );
}
