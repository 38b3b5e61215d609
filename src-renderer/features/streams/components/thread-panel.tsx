// The conversation around an item (`items:thread`), in a side panel.
import { useEffect, useState } from 'react';
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
    <aside className="thread-panel" aria-label={t('streams.thread.title')}>
      <header className="thread-panel__header">
        <h2>{t('streams.thread.title')}</h2>
        <button type="button" className="button" onClick={() => store.getState().openThread(null)}>
          {t('streams.thread.close')}
        </button>
      </header>
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      {!items && !error && <p>{t('streams.thread.loading')}</p>}
      {items?.map((item) => (
        <ItemCard key={item.key} item={item} now={now} />
      ))}
    </aside>
  );
}
