// One line that tells the truth about a submission: "Sending in 7 s — Undo" during the undo window,
// "Sent to 2 accounts" only once the network has every post, the server's message and Retry on failure,
// "Cancelled" after undo.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobProgress } from './job-progress.ts';

/** What the line needs: where the jobs stand, and undo / retry. */
export type ProgressSource = Pick<JobProgress, 'progress' | 'undo' | 'retry'>;

export function ProgressLine({
  progress: tracker,
  now = Date.now,
  what = 'post',
  undoable = true,
  onUndone,
}: {
  progress: ProgressSource;
  now?: () => number;
  /** Which words to use: a post or reply, or an action on an item. */
  what?: 'post' | 'repost' | 'unrepost' | 'delete';
  /** False where another control offers undo (the composer's toast). */
  undoable?: boolean;
  onUndone?: () => void;
}) {
  const { t } = useTranslation();
  const [, setTick] = useState(0);
  const [failure, setFailure] = useState<string | null>(null);
  const progress = tracker.progress;
  const holding = progress?.kind === 'holding';

  useEffect(() => {
    if (!holding) return;
    const timer = setInterval(() => setTick((n) => n + 1), 250);
    return () => clearInterval(timer);
  }, [holding]);

  if (!progress) return null;
  const text = (() => {
    switch (progress.kind) {
      case 'holding': {
        const seconds = Math.max(0, Math.ceil((progress.until - now()) / 1000));
        return t(`publishing.progress.${what}.holding`, { seconds });
      }
      case 'sending':
        return t(`publishing.progress.${what}.sending`);
      case 'scheduled':
        return t('publishing.progress.scheduled', { count: progress.accounts });
      case 'sent':
        return t(`publishing.progress.${what}.sent`, { count: progress.accounts });
      case 'failed':
        return t('publishing.progress.failed', { message: progress.message });
      case 'cancelled':
        return t('publishing.progress.cancelled');
    }
  })();

  return (
    <p className="progress-line" role="status" data-testid="progress-line" data-progress={progress.kind}>
      <span>{text}</span>
      {progress.kind === 'holding' && undoable && (
        <button
          type="button"
          className="button button--small"
          onClick={() =>
            void tracker.undo().then((ok) => {
              if (ok) onUndone?.();
              else setFailure(t('publishing.progress.tooLate'));
            })
          }
        >
          {t('publishing.progress.undo')}
        </button>
      )}
      {progress.kind === 'failed' && progress.retryable.length > 0 && (
        <button
          type="button"
          className="button button--small"
          onClick={() => void tracker.retry().then(setFailure)}
        >
          {t('publishing.progress.retry')}
        </button>
      )}
      {failure && <span className="progress-line__error">{failure}</span>}
    </p>
  );
}
