// Mounted once in the app frame: every few minutes, looks for spikes in the listening columns, stores them
// as alerts and raises a desktop notification for each new one; clicking it opens Analytics at that alert.
// Old analytics are pruned once a day.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app-context.tsx';
import { useAnalyticsSetup, type AnalyticsSetup } from './analytics-setup.tsx';
import { spikeRound } from './model/spike-notify.ts';
import { focusAlert } from './model/spike-watch.ts';
import { pruneAnalytics } from './repositories/analytics-retention.ts';

export const CHECK_EVERY_MS = 5 * 60_000;
const FIRST_CHECK_MS = 15_000;
const PRUNE_EVERY_MS = 24 * 3_600_000;

export function AnalyticsBackground() {
  const { setup } = useAnalyticsSetup();
  return setup ? <SpikeWatch setup={setup} /> : null;
}

function SpikeWatch({ setup }: { setup: AnalyticsSetup }) {
  const { t } = useTranslation();
  const { settings, store } = useServices();
  useEffect(() => {
    let lastPrune = 0;
    const now = setup.now ?? Date.now;
    const check = async () => {
      if (now() - lastPrune > PRUNE_EVERY_MS) {
        lastPrune = now();
        await pruneAnalytics(setup.db, now());
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
  }, [setup, settings, store, t]);
  return null;
}
