// Looks for spikes in every listening column: the current hour (so far) and the last complete one, each
// against its hour-of-week baseline. New spikes are stored as alerts (one per column, kind and hour) and
// returned so the caller can notify; a spike already stored is not raised twice.
import { HOUR_MS, hourOf, type ListeningCount } from '../../../../src-shared/analytics/listening.ts';
import { judgeHour, WEEK_HOURS, type HourVolume } from '../../../../src-shared/analytics/spikes.ts';
import type { AlertRow } from '../../../db/analytics-rows.ts';
import type { RoostDb } from '../../../db/roost-db.ts';

const BASELINE_WEEKS = 4;

export function alertId(columnKey: string, kind: AlertRow['kind'], hour: number): string {
  return `${kind}:${hour}:${columnKey}`;
}

function toVolume(c: ListeningCount): HourVolume {
  return { hour: c.hour, total: c.total, negative: c.sentiment.negative };
}

export async function checkSpikes(db: RoostDb, now: number, threshold: number): Promise<AlertRow[]> {
  const current = hourOf(now);
  // Four weeks back, plus the neighbouring hour the baseline also reads.
  const from = current - (BASELINE_WEEKS * WEEK_HOURS + 2) * HOUR_MS;
  const rows = await db.listeningCounts
    .where('hour')
    .between(from, current + HOUR_MS, true, false)
    .toArray();
  const byColumn = new Map<string, Map<number, HourVolume>>();
  for (const row of rows) {
    let series = byColumn.get(row.columnKey);
    if (!series) byColumn.set(row.columnKey, (series = new Map()));
    series.set(row.hour, toVolume(row));
  }
  const found: AlertRow[] = [];
  const raisedAt = new Date(now).toISOString();
  for (const [columnKey, series] of byColumn) {
    for (const hour of [current - HOUR_MS, current]) {
      const volume = series.get(hour) ?? { hour, total: 0, negative: 0 };
      for (const spike of judgeHour(series, volume, { threshold, weeks: BASELINE_WEEKS })) {
        found.push({
          id: alertId(columnKey, spike.kind, hour),
          columnKey,
          kind: spike.kind,
          hour,
          observed: spike.observed,
          expected: spike.expected,
          score: Math.round(spike.score * 10) / 10,
          raisedAt,
          seen: false,
        });
      }
    }
  }
  if (found.length === 0) return [];
  return db.transaction('rw', db.alerts, async () => {
    const known = await db.alerts.bulkGet(found.map((a) => a.id));
    const fresh = found.filter((_, i) => known[i] === undefined);
    await db.alerts.bulkAdd(fresh);
    return fresh;
  });
}

/** Observed and usual values as shown to people: items, or whole percents for the negative share. */
export function alertNumbers(alert: Pick<AlertRow, 'kind' | 'observed' | 'expected'>): {
  observed: number;
  expected: number;
} {
  const scale = alert.kind === 'negative' ? 100 : 1;
  return { observed: Math.round(alert.observed * scale), expected: Math.round(alert.expected * scale) };
}

export function recentAlerts(db: RoostDb, limit = 50): Promise<AlertRow[]> {
  return db.alerts.orderBy('hour').reverse().limit(limit).toArray();
}

export async function markSeen(db: RoostDb, ids: readonly string[]): Promise<void> {
  await db.alerts.bulkUpdate(ids.map((key) => ({ key, changes: { seen: true } })));
}

/** Lets a clicked notification point the dashboard at its alert (both live in this feature). */
type FocusListener = (alertId: string) => void;
const focusListeners = new Set<FocusListener>();
let pendingFocus: string | null = null;

export function focusAlert(id: string): void {
  pendingFocus = id;
  for (const listener of focusListeners) listener(id);
}

export function onAlertFocus(listener: FocusListener): () => void {
  focusListeners.add(listener);
  if (pendingFocus) listener(pendingFocus);
  return () => focusListeners.delete(listener);
}

export function clearAlertFocus(): void {
  pendingFocus = null;
}
