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
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (!target) return;
    panelRef.current?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
    headingRef.current?.focus({ preventScroll: true });
  }, [target]);

  useEffect(() => {
    if (!target || target.item.network === 'rss') return;
    let cancelled = false;
    setItems(null);
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
  }, [client, target, t]);

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
