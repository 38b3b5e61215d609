// Spike detection for listening columns. The baseline of an hour is what the same hour of the week (and
// the hour either side of it) looked like over the previous weeks: median and MAD, so past spikes and
// outages do not move it. The spread has a floor — the Poisson spread sqrt(median) for volume, the binomial
// spread for the negative share — because a quiet slot's MAD is often 0, and one extra item would then be
// an infinite z. An alert needs a robust z at or above the user's threshold and a minimum size.
import { median, scaledMad } from './robust-stats.ts';
import { HOUR_MS } from './listening.ts';

export const WEEK_HOURS = 168;

export type Sensitivity = 'low' | 'medium' | 'high';

/** Robust z an hour must reach, per sensitivity. */
export const SENSITIVITY_Z: Readonly<Record<Sensitivity, number>> = { low: 6, medium: 4.5, high: 3.5 };

export interface HourVolume {
  /** Epoch ms the hour starts at. */
  readonly hour: number;
  readonly total: number;
  readonly negative: number;
}

export interface SpikeOptions {
  readonly threshold: number;
  /** Weeks of history the baseline is drawn from. */
  readonly weeks?: number;
  /** Fewest items an hour needs before a volume alert (and the negative-share test) applies. */
  readonly minCount?: number;
}

export interface Spike {
  readonly hour: number;
  readonly kind: 'volume' | 'negative';
  readonly observed: number;
  readonly expected: number;
  readonly score: number;
}

export interface Baseline {
  readonly median: number;
  readonly spread: number;
  readonly samples: number;
}

const DEFAULT_WEEKS = 4;
const DEFAULT_MIN_COUNT = 5;

/** Values of the same hour of the week and its neighbours, in the `weeks` weeks before `hour`. */
export function sameHourSamples(
  byHour: ReadonlyMap<number, HourVolume>,
  hour: number,
  weeks: number,
  pick: (v: HourVolume | undefined) => number | null,
): number[] {
  const out: number[] = [];
  for (let w = 1; w <= weeks; w++) {
    for (const shift of [-1, 0, 1]) {
      const value = pick(byHour.get(hour - (w * WEEK_HOURS + shift) * HOUR_MS));
      if (value !== null) out.push(value);
    }
  }
  return out;
}

export function volumeBaseline(
  byHour: ReadonlyMap<number, HourVolume>,
  hour: number,
  weeks: number,
): Baseline {
  const samples = sameHourSamples(byHour, hour, weeks, (v) => v?.total ?? 0);
  const centre = median(samples);
  return {
    median: centre,
    spread: Math.max(scaledMad(samples, centre), Math.sqrt(Math.max(centre, 1))),
    samples: samples.length,
  };
}

/** Judges one hour against its baseline; `byHour` holds the history (missing hours count as 0 items). */
export function judgeHour(
  byHour: ReadonlyMap<number, HourVolume>,
  current: HourVolume,
  options: SpikeOptions,
): Spike[] {
  const weeks = options.weeks ?? DEFAULT_WEEKS;
  const minCount = options.minCount ?? DEFAULT_MIN_COUNT;
  const spikes: Spike[] = [];
  const volume = volumeBaseline(byHour, current.hour, weeks);
  const z = (current.total - volume.median) / volume.spread;
  if (current.total >= minCount && z >= options.threshold) {
    spikes.push({
      hour: current.hour,
      kind: 'volume',
      observed: current.total,
      expected: volume.median,
      score: z,
    });
  }
  if (current.total >= minCount * 2) {
    const shares = sameHourSamples(byHour, current.hour, weeks, (v) =>
      v && v.total >= minCount ? v.negative / v.total : null,
    );
    if (shares.length >= 3) {
      const centre = median(shares);
      const p = Math.min(Math.max(centre, 0.02), 0.98);
      const spread = Math.max(scaledMad(shares, centre), Math.sqrt((p * (1 - p)) / current.total));
      const share = current.negative / current.total;
      const zShare = (share - centre) / spread;
      if (zShare >= options.threshold) {
        spikes.push({
          hour: current.hour,
          kind: 'negative',
          observed: share,
          expected: centre,
          score: zShare,
        });
      }
    }
  }
  return spikes;
}

/** Every spike among the hours from `from` (inclusive) to `to` (exclusive), judged on the series itself. */
export function detectSpikes(
  series: readonly HourVolume[],
  from: number,
  to: number,
  options: SpikeOptions,
): Spike[] {
  const byHour = new Map(series.map((v) => [v.hour, v]));
  const spikes: Spike[] = [];
  for (let hour = from; hour < to; hour += HOUR_MS) {
    spikes.push(...judgeHour(byHour, byHour.get(hour) ?? { hour, total: 0, negative: 0 }, options));
  }
  return spikes;
}
