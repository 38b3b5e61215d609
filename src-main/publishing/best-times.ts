// Suggested posting times for the next week: from the account's own engagement by hour of week once there is
// enough history, otherwise a default curve (weekday late morning, lunch, early evening) in the person's zone.

export interface EngagementSample {
  /** When the post went out (epoch ms). */
  readonly atMs: number;
  /** Likes + reposts + replies, or whatever the connector could count. */
  readonly engagement: number;
}

export interface BestTimeSlot {
  readonly at: string;
  readonly score: number;
  readonly reason: string;
}

export interface BestTimes {
  readonly basis: 'history' | 'default';
  readonly slots: BestTimeSlot[];
}

/** Posts with counts needed before history outweighs the default curve. */
export const MIN_HISTORY = 8;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** Default weights by local hour: weekdays peak at lunch, with late morning and early evening close behind. */
const WEEKDAY_CURVE: Readonly<Record<number, number>> = {
  8: 0.45,
  9: 0.6,
  10: 0.75,
  11: 0.9,
  12: 1,
  13: 0.85,
  17: 0.7,
  18: 0.75,
  19: 0.6,
};
const WEEKEND_CURVE: Readonly<Record<number, number>> = { 10: 0.45, 11: 0.5, 12: 0.45 };

const formatters = new Map<string, Intl.DateTimeFormat>();
function localParts(ms: number, timeZone: string): { weekday: number; hour: number; minute: number } {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  const parts = f.formatToParts(new Date(ms));
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return {
    weekday: WEEKDAYS.indexOf(get('weekday')),
    hour: Number(get('hour')),
    minute: Number(get('minute')),
  };
}

export function suggestBestTimes(input: {
  readonly nowMs: number;
  readonly timeZone: string;
  readonly history: readonly EngagementSample[];
  readonly count?: number;
}): BestTimes {
  const count = input.count ?? 10;
  const useHistory = input.history.length >= MIN_HISTORY;
  const byHourOfWeek = new Map<number, { sum: number; n: number }>();
  for (const sample of useHistory ? input.history : []) {
    const { weekday, hour } = localParts(sample.atMs, input.timeZone);
    const key = weekday * 24 + hour;
    const cell = byHourOfWeek.get(key) ?? { sum: 0, n: 0 };
    byHourOfWeek.set(key, { sum: cell.sum + sample.engagement, n: cell.n + 1 });
  }
  const best = Math.max(1e-9, ...[...byHourOfWeek.values()].map((c) => c.sum / c.n));

  const candidates: BestTimeSlot[] = [];
  // Local hour starts over the coming week; stepping by 30 minutes also finds them in half-hour zones.
  const start = Math.ceil((input.nowMs + 15 * 60 * 1000) / (30 * 60 * 1000)) * 30 * 60 * 1000;
  for (let ms = start; ms < input.nowMs + 7 * 24 * 3600 * 1000; ms += 30 * 60 * 1000) {
    const { weekday, hour, minute } = localParts(ms, input.timeZone);
    if (minute !== 0) continue;
    const label = `${WEEKDAYS[weekday]} ${String(hour).padStart(2, '0')}:00`;
    if (useHistory) {
      const cell = byHourOfWeek.get(weekday * 24 + hour);
      if (!cell) continue;
      const score = cell.sum / cell.n / best;
      candidates.push({
        at: new Date(ms).toISOString(),
        score,
        reason: `${label}: your posts averaged ${(cell.sum / cell.n).toFixed(1)} interactions (${cell.n} posts)`,
      });
    } else {
      const weekend = weekday === 0 || weekday === 6;
      const score = (weekend ? WEEKEND_CURVE : WEEKDAY_CURVE)[hour];
      if (score === undefined) continue;
      candidates.push({
        at: new Date(ms).toISOString(),
        score,
        reason: `${label}: a typical high-engagement hour (no history yet)`,
      });
    }
  }
  const slots = candidates.sort((a, b) => b.score - a.score || a.at.localeCompare(b.at)).slice(0, count);
  return { basis: useHistory ? 'history' : 'default', slots };
}
