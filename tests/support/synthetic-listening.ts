// Seeded synthetic listening volume for the spike detector's tests and bench:spikes: a day/night cycle,
// busier weekdays, Poisson noise, about 10 % negative items; callers reshape any hour to add spikes or lulls.
import { HOUR_MS } from '../../src-shared/analytics/listening.ts';
import { WEEK_HOURS, type HourVolume } from '../../src-shared/analytics/spikes.ts';

export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function poisson(mean: number, random: () => number): number {
  if (mean > 60) return Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian(random)));
  const limit = Math.exp(-mean);
  let k = 0;
  let p = 1;
  do {
    k++;
    p *= random();
  } while (p > limit);
  return k - 1;
}

function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

export interface SeriesShape {
  /** Mean items per busy hour (nights get a tenth). */
  readonly busy?: number;
  /** Reshapes the mean of hour i (0-based from start). */
  readonly mean?: (i: number, base: number) => number;
  /** Reshapes the negative share of hour i (default 0.1). */
  readonly negativeShare?: (i: number) => number;
}

export function syntheticSeries(
  start: number,
  hours: number,
  seed: number,
  shape: SeriesShape = {},
): HourVolume[] {
  const random = seededRandom(seed);
  const busy = shape.busy ?? 20;
  const out: HourVolume[] = [];
  for (let i = 0; i < hours; i++) {
    const hourOfDay = i % 24;
    const weekday = Math.floor(i / 24) % 7 < 5;
    let mean = (hourOfDay >= 8 && hourOfDay < 20 ? busy : busy / 10) * (weekday ? 1.5 : 1);
    if (shape.mean) mean = shape.mean(i, mean);
    const total = poisson(mean, random);
    let negative = 0;
    const share = shape.negativeShare?.(i) ?? 0.1;
    for (let k = 0; k < total; k++) if (random() < share) negative++;
    out.push({ hour: start + i * HOUR_MS, total, negative });
  }
  return out;
}

export { WEEK_HOURS };
