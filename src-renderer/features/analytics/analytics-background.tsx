// Mounted once in the app frame: every few minutes, looks for spikes in the listening columns, stores them
// as alerts and raises a desktop notification for each new one; clicking it opens Analytics at that alert.
// Old analytics are pruned once a day; account audiences and sent-post engagement are fetched from main.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app-context.tsx';
import { useAnalyticsSetup, type AnalyticsSetup } from './analytics-setup.tsx';
import { syncPerformance } from './model/performance-sync.ts';
import { spikeRound } from './model/spike-notify.ts';
import { focusAlert } from './model/spike-watch.ts';
import { pruneAnalytics } from './repositories/analytics-retention.ts';

export const CHECK_EVERY_MS = 5 * 60_000;
const FIRST_CHECK_MS = 15_000;
const PRUNE_EVERY_MS = 24 * 3_600_000;
/** Audience once a day per account is enough; post engagement is re-read by main only when stale. */
const SYNC_EVERY_MS = 3 * 3_600_000;

export function AnalyticsBackground() {
  const { setup } = useAnalyticsSetup();
  return setup ? <SpikeWatch setup={setup} /> : null;
}

function SpikeWatch({ setup }: { setup: AnalyticsSetup }) {
  const { t } = useTranslation();
  const { settings, store, client } = useServices();
  useEffect(() => {
    let lastPrune = 0;
    let lastSync = 0;
    const now = setup.now ?? Date.now;
    const check = async () => {
      if (now() - lastPrune > PRUNE_EVERY_MS) {
        lastPrune = now();
        await pruneAnalytics(setup.db, now());
      }
      if (now() - lastSync > SYNC_EVERY_MS) {
        lastSync = now();
        const accountIds = (store.getState().accounts ?? []).map((a) => a.id);
        await syncPerformance(client, setup.db, accountIds, now());
      }
      await spikeRound({
        db: setup.db,
        now: now(),
        settings,
        Notification: setup.Notification,
        t,
        open: (alert) => {
          store.getState().navigate('analytics');
          focusAlert(alert.id);
        },
      });
    };
    const run = () => void check().catch((error: unknown) => console.error('Spike check failed', error));
    const first = setTimeout(run, FIRST_CHECK_MS);
    const timer = setInterval(run, CHECK_EVERY_MS);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [setup, settings, store, client, t]);
  return null;
}
