// Dashboard time ranges: the chosen period, the one before it (for comparison), and the bucket its charts
// group hours into. Buckets are aligned to UTC hours, days or weeks so a period and its predecessor line up.
import { HOUR_MS } from './listening.ts';

export const RANGE_PRESETS = ['24h', '7d', '30d', '90d', '1y', 'custom'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

const DAY_MS = 24 * HOUR_MS;
const PRESET_MS: Record<Exclude<RangePreset, 'custom'>, number> = {
  '24h': DAY_MS,
  '7d': 7 * DAY_MS,
  '30d': 30 * DAY_MS,
  '90d': 90 * DAY_MS,
  '1y': 365 * DAY_MS,
};

export interface TimeRange {
  /** Inclusive start, epoch ms. */
  readonly from: number;
  /** Exclusive end, epoch ms. */
  readonly to: number;
  readonly bucketMs: number;
}

/** Hourly up to a week, daily up to 120 days, weekly beyond. */
export function bucketFor(lengthMs: number): number {
  if (lengthMs <= 7 * DAY_MS) return HOUR_MS;
  if (lengthMs <= 120 * DAY_MS) return DAY_MS;
  return 7 * DAY_MS;
}

/** The preset ending at the next whole hour after `now` (next UTC midnight for ranges over a week), or the custom days (UTC, `to` inclusive). */
export function resolveRange(
  preset: RangePreset,
  now: number,
  custom?: { readonly from: string; readonly to: string },
): TimeRange {
  if (preset === 'custom') {
    if (!custom) throw new Error('a custom range needs its first and last day');
    const from = Date.parse(`${custom.from}T00:00:00Z`);
    const to = Date.parse(`${custom.to}T00:00:00Z`) + DAY_MS;
    if (Number.isNaN(from) || Number.isNaN(to)) throw new Error('a custom range needs dates as YYYY-MM-DD');
    if (to <= from) throw new Error('the last day of a custom range cannot be before its first day');
    return { from, to, bucketMs: bucketFor(to - from) };
  }
  const length = PRESET_MS[preset];
  const bucketMs = bucketFor(length);
  // Day and week buckets end at the next UTC midnight, so each bucket is whole days and the charts can read
  // one daily rollup row per column and day instead of 24 hourly rows.
  const step = bucketMs >= DAY_MS ? DAY_MS : HOUR_MS;
  const to = Math.floor(now / step) * step + step;
  return { from: to - length, to, bucketMs };
}

export function previousRange(range: TimeRange): TimeRange {
  const length = range.to - range.from;
  return { from: range.from - length, to: range.from, bucketMs: range.bucketMs };
}

/** Start times of the range's buckets, oldest first. */
export function bucketStarts(range: TimeRange): number[] {
  const out: number[] = [];
  for (let t = range.from; t < range.to; t += range.bucketMs) out.push(t);
  return out;
}
