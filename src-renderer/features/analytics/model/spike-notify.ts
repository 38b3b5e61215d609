// One round of the background spike check: store new alerts and raise one desktop notification for each,
// when the user allowed notifications. Clicking a notification calls `open` with the alert.
import type { TFunction } from 'i18next';
import { SENSITIVITY_Z } from '../../../../src-shared/analytics/spikes.ts';
import type { AlertRow } from '../../../db/analytics-rows.ts';
import type { RoostDb } from '../../../db/roost-db.ts';
import { getSettingOrDefault, type SettingsRepository } from '../../../db/settings-repository.ts';
import type { NotificationFactory } from '../analytics-setup.tsx';
import { listeningColumns } from '../repositories/listening-repository.ts';
import { alertNumbers, checkSpikes } from './spike-watch.ts';

export interface SpikeRound {
  readonly db: RoostDb;
  readonly now: number;
  readonly settings: SettingsRepository;
  readonly Notification?: NotificationFactory;
  readonly t: TFunction;
  readonly open: (alert: AlertRow) => void;
}

export async function spikeRound(round: SpikeRound): Promise<AlertRow[]> {
  const sensitivity = await getSettingOrDefault(round.settings, 'analytics.sensitivity');
  const fresh = await checkSpikes(round.db, round.now, SENSITIVITY_Z[sensitivity]);
  const Factory = round.Notification;
  if (fresh.length === 0 || Factory?.permission !== 'granted') return fresh;
  const titles = new Map((await listeningColumns(round.db)).map((c) => [c.key, c.title]));
  for (const alert of fresh) {
    const column = titles.get(alert.columnKey) ?? alert.columnKey;
    const notification = new Factory(round.t(`analytics.alerts.notify.${alert.kind}`, { column }), {
      body: round.t(`analytics.alerts.body.${alert.kind}`, alertNumbers(alert)),
      tag: alert.id,
    });
    notification.onclick = () => round.open(alert);
  }
  return fresh;
}
