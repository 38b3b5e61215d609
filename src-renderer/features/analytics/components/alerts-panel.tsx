// Spike alerts: the sensitivity, and the latest alerts with a way to the items of the spike's hour.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HOUR_MS } from '../../../../src-shared/analytics/listening.ts';
import type { Sensitivity } from '../../../../src-shared/analytics/spikes.ts';
import { useServices } from '../../../app-context.tsx';
import type { AlertRow } from '../../../db/analytics-rows.ts';
import type { RoostDb } from '../../../db/roost-db.ts';
import { getSettingOrDefault } from '../../../db/settings-repository.ts';
import { useFormatters } from '../model/formatters.ts';
import { alertNumbers, clearAlertFocus, markSeen, onAlertFocus, recentAlerts } from '../model/spike-watch.ts';
import type { NotificationFactory } from '../analytics-setup.tsx';
import type { ListeningColumn } from '../repositories/listening-repository.ts';
import type { ItemsQuery } from './items-behind.tsx';

const SENSITIVITIES: readonly Sensitivity[] = ['low', 'medium', 'high'];

export function AlertsPanel({
  db,
  columns,
  reloadKey,
  onShowItems,
  notifications,
}: {
  db: RoostDb;
  notifications?: NotificationFactory;
  columns: readonly ListeningColumn[];
  reloadKey: number;
  onShowItems: (query: ItemsQuery) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const { settings } = useServices();
  const [alerts, setAlerts] = useState<readonly AlertRow[]>([]);
  const [sensitivity, setSensitivity] = useState<Sensitivity>('medium');
  const [saveProblem, setSaveProblem] = useState(false);
  const [focused, setFocused] = useState<string | null>(null);
  const [asked, setAsked] = useState(false);

  useEffect(() => {
    void getSettingOrDefault(settings, 'analytics.sensitivity').then(setSensitivity);
  }, [settings]);
  useEffect(() => {
    let current = true;
    void recentAlerts(db).then((rows) => current && setAlerts(rows));
    return () => {
      current = false;
    };
  }, [db, reloadKey, focused]);

  const show = (alert: AlertRow) => {
    onShowItems({
      columnKeys: [alert.columnKey],
      from: alert.hour,
      to: alert.hour + HOUR_MS,
      sentiment: alert.kind === 'negative' ? 'negative' : undefined,
    });
    void markSeen(db, [alert.id]);
  };

  // A clicked notification opens its alert's items once the alert is known here.
  useEffect(() => onAlertFocus((id) => setFocused(id)), []);
  useEffect(() => {
    const alert = focused ? alerts.find((a) => a.id === focused) : undefined;
    if (!alert) return;
    clearAlertFocus();
    setFocused(null);
    // Runs for a newly focused alert only; `show` itself changes on every render.
    show(alert);
  }, [focused, alerts]);

  const title = (key: string) => columns.find((c) => c.key === key)?.title ?? key;
  const choose = (value: Sensitivity) => {
    setSensitivity(value);
    settings.set('analytics.sensitivity', value).then(
      () => setSaveProblem(false),
      () => setSaveProblem(true),
    );
  };

  return (
    <section className="analytics-panel" aria-labelledby="alerts-title" data-testid="alerts-panel">
      <h2 id="alerts-title">{t('analytics.alerts.title')}</h2>
      <label className="analytics-panel__inline">
        {t('analytics.alerts.sensitivity')}{' '}
        <select value={sensitivity} onChange={(e) => choose(e.target.value as Sensitivity)}>
          {SENSITIVITIES.map((s) => (
            <option key={s} value={s}>
              {t(`analytics.alerts.level.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <p className="analytics-panel__hint">{t('analytics.alerts.hint')}</p>
      {notifications?.permission === 'default' && notifications.requestPermission && (
        <button
          type="button"
          className="button"
          onClick={() => void notifications.requestPermission?.().then(() => setAsked(true))}
        >
          {asked ? t('analytics.alerts.asked') : t('analytics.alerts.allow')}
        </button>
      )}
      {saveProblem && <p role="alert">{t('settings.saveFailed')}</p>}
      {alerts.length === 0 ? (
        <p>{t('analytics.alerts.none')}</p>
      ) : (
        <ul className="alerts-list">
          {alerts.map((alert) => (
            <li
              key={alert.id}
              className={alert.seen ? 'alerts-list__item' : 'alerts-list__item alerts-list__item--new'}
            >
              <strong>{t(`analytics.alerts.kind.${alert.kind}`, { column: title(alert.columnKey) })}</strong>{' '}
              <time dateTime={new Date(alert.hour).toISOString()}>{fmt.dateTime(alert.hour)}</time>{' '}
              <span>{t(`analytics.alerts.body.${alert.kind}`, alertNumbers(alert))}</span>{' '}
              <button type="button" className="link-button" onClick={() => show(alert)}>
                {t('analytics.chart.showItems')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
