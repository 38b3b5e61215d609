// The conversation around an item (`items:thread`), as one more column at the end of the deck's row, so it
// never hides a column; opening it scrolls it into view and moves focus to it.
import { X } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StreamItem } from '../../../../src-shared/domain/stream-item.ts';
import { useRoost, useServices } from '../../../app-context.tsx';
import { ItemCard } from './item-card.tsx';
import { useMinuteClock } from './minute-clock.ts';

export function ThreadPanel() {
  const { t } = useTranslation();
  const { client, store } = useServices();
  const target = useRoost((s) => s.threadTarget);
  const now = useMinuteClock();
  const [items, setItems] = useState<readonly StreamItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const panelRef = useRef<HTMLElement>(null);
  // Bumped when a reply or quote sent from Roost to a post of this thread reaches the network.
  const [reload, setReload] = useState(0);
  const shown = useRef<readonly StreamItem[]>([]);
  shown.current = items ?? [];

  useEffect(() => {
    if (!target) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = client.on('outbox:changed', ({ jobs }) => {
      const ids = new Set([target.item.remoteId, target.item.actionRef]);
      for (const item of shown.current) ids.add(item.remoteId).add(item.actionRef);
      if (!jobs.some((j) => j.state === 'sent' && j.action === 'post' && ids.has(j.subjectId))) return;
      // The network's thread view indexes the reply a moment after it is written.
      clearTimeout(timer);
      timer = setTimeout(() => setReload((n) => n + 1), 1_500);
    });
    return () => {
      stop();
      clearTimeout(timer);
    };
  }, [client, target]);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (!target) return;
    panelRef.current?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
    headingRef.current?.focus({ preventScroll: true });
  }, [target]);

  useEffect(() => {
    if (!target || target.item.network === 'rss') return;
    let cancelled = false;
    if (reload === 0) setItems(null);
    setError(null);
    const { item } = target;
    void client
      .call('items:thread', {
        accountId: target.accountId,
        item: {
          network: item.network as 'bluesky' | 'mastodon',
          remoteId: item.remoteId,
          actionRef: item.actionRef,
          viewerLiked: item.viewer.liked,
          viewerReposted: item.viewer.reposted,
        },
      })
      .then((result) => {
        if (cancelled) return;
        if (result.ok) setItems(result.value);
        else setError(t(`errors.${result.error.code}`));
      });
    return () => {
      cancelled = true;
    };
  }, [client, target, t, reload]);

  // Another thread starts afresh.
  useEffect(() => setReload(0), [target]);

  if (!target) return null;
  return (
    <aside
      ref={panelRef}
      className="thread-panel thread-column"
      aria-label={t('streams.thread.title')}
      onKeyDown={(e) => {
        if (e.key === 'Escape') store.getState().openThread(null);
      }}
    >
      <header className="thread-panel__header">
        <h2 ref={headingRef} tabIndex={-1}>
          {t('streams.thread.title')}
        </h2>
        <button
          type="button"
          className="icon-button"
          aria-label={t('streams.thread.close')}
          title={t('streams.thread.close')}
          onClick={() => store.getState().openThread(null)}
        >
          <X aria-hidden="true" />
        </button>
      </header>
      <div className="thread-column__body">
        {error && (
          <p className="alert" role="alert">
            {error}
          </p>
        )}
        {!items && !error && <p>{t('streams.thread.loading')}</p>}
        {items?.map((item) => (
          <ItemCard key={item.key} item={item} now={now} />
        ))}
      </div>
    </aside>
  );
}
