// bench:spikes — the spike detector on a synthetic month: 20 listening columns of different sizes, each with
// four weeks of history, then 30 days judged hour by hour. Injected: volume bursts (2.5–6× for 1–3 hours),
// negative-share jumps (to 45–70 % for 1–2 hours), and quiet periods that must not alert (a public holiday
// at a fifth of the volume, an outage with nothing at all, a night-time lull). Ground truth is per event:
// an event is found if any of its hours alerts; an alert outside every event is a false positive.
// Prints one JSON line per sensitivity to stderr and the medium sensitivity's on stdout last.
import { HOUR_MS } from '../../src-shared/analytics/listening.ts';
import { judgeHour, SENSITIVITY_Z, WEEK_HOURS, type Sensitivity } from '../../src-shared/analytics/spikes.ts';
import { seededRandom, syntheticSeries } from '../support/synthetic-listening.ts';

const COLUMNS = 20;
const HISTORY_HOURS = 4 * WEEK_HOURS;
const JUDGED_HOURS = 30 * 24;
const START = Date.UTC(2026, 0, 5);

interface Event {
  readonly kind: 'volume' | 'negative';
  readonly from: number;
  readonly hours: number;
}

interface Column {
  readonly byHour: Map<number, ReturnType<typeof syntheticSeries>[number]>;
  readonly events: readonly Event[];
  /** Hours inside a quiet period (counted apart, to show they raise nothing). */
  readonly quiet: ReadonlySet<number>;
}

function makeColumn(c: number): Column {
  const random = seededRandom(1000 + c);
  const busy = [3, 8, 20, 60, 150][c % 5] ?? 20;
  const events: Event[] = [];
  // Six volume bursts and three negative jumps in the judged month, at random busy-ish hours, apart.
  const taken = new Set<number>();
  const place = (kind: Event['kind'], hours: number): void => {
    for (;;) {
      const day = Math.floor(random() * 30);
      const from = HISTORY_HOURS + day * 24 + 9 + Math.floor(random() * 10);
      if ([...taken].some((t) => Math.abs(t - from) < 30)) continue;
      taken.add(from);
      events.push({ kind, from, hours });
      return;
    }
  };
  for (let i = 0; i < 6; i++) place('volume', 1 + Math.floor(random() * 3));
  for (let i = 0; i < 3; i++) place('negative', 1 + Math.floor(random() * 2));
  const burst = new Map<number, number>();
  const negative = new Map<number, number>();
  for (const e of events) {
    const factor = 2.5 + random() * 3.5;
    const share = 0.45 + random() * 0.25;
    for (let h = e.from; h < e.from + e.hours; h++) {
      if (e.kind === 'volume') burst.set(h, factor);
      else negative.set(h, share);
    }
  }
  // Quiet periods: a holiday (day 12 at a fifth), an outage (day 20, 10:00–14:00, nothing), nights.
  const quiet = new Set<number>();
  const holiday = HISTORY_HOURS + 12 * 24;
  const outage = HISTORY_HOURS + 20 * 24 + 10;
  for (let h = holiday; h < holiday + 24; h++) quiet.add(h);
  for (let h = outage; h < outage + 4; h++) quiet.add(h);
  const series = syntheticSeries(START, HISTORY_HOURS + JUDGED_HOURS, 2000 + c, {
    busy,
    mean: (i, base) => {
      // A past burst at the same hour of the week as the first event: the baseline must shrug it off.
      if (i === (events[0]?.from ?? 0) - 2 * WEEK_HOURS) return base * 6;
      if (i >= holiday && i < holiday + 24) return base / 5;
      if (i >= outage && i < outage + 4) return 0;
      return base * (burst.get(i) ?? 1);
    },
    negativeShare: (i) => negative.get(i) ?? 0.1,
  });
  return {
    byHour: new Map(series.map((v) => [v.hour, v])),
    events: events.filter((e) => !quiet.has(e.from)),
    quiet,
  };
}

function evaluate(columns: readonly Column[], sensitivity: Sensitivity) {
  let events = 0;
  let found = 0;
  let alerts = 0;
  let trueAlerts = 0;
  let negativeHours = 0;
  let falseAlerts = 0;
  let quietAlerts = 0;
  const started = performance.now();
  for (const col of columns) {
    const eventAt = new Map<string, Event>();
    for (const e of col.events)
      for (let h = e.from; h < e.from + e.hours; h++) eventAt.set(`${e.kind}${h}`, e);
    const hit = new Set<Event>();
    for (let i = HISTORY_HOURS; i < HISTORY_HOURS + JUDGED_HOURS; i++) {
      const hour = START + i * HOUR_MS;
      const current = col.byHour.get(hour) ?? { hour, total: 0, negative: 0 };
      const spikes = judgeHour(col.byHour, current, { threshold: SENSITIVITY_Z[sensitivity] });
      for (const kind of ['volume', 'negative'] as const) {
        const truth = eventAt.get(`${kind}${i}`);
        const raised = spikes.some((s) => s.kind === kind);
        if (!truth) negativeHours++;
        if (!raised) continue;
        alerts++;
        if (truth) {
          trueAlerts++;
          hit.add(truth);
        } else {
          falseAlerts++;
          if (col.quiet.has(i)) quietAlerts++;
        }
      }
    }
    events += col.events.length;
    found += hit.size;
  }
  const round = (x: number) => Math.round(x * 10_000) / 10_000;
  return {
    bench: 'spikes',
    sensitivity,
    threshold: SENSITIVITY_Z[sensitivity],
    columns: columns.length,
    judgedHours: JUDGED_HOURS * columns.length,
    events,
    alerts,
    precision: round(alerts === 0 ? 1 : trueAlerts / alerts),
    recall: round(events === 0 ? 1 : found / events),
    falsePositiveRate: round(falseAlerts / negativeHours),
    falseAlerts,
    quietPeriodAlerts: quietAlerts,
    msPerColumnMonth: round((performance.now() - started) / columns.length),
  };
}

const columns = Array.from({ length: COLUMNS }, (_, c) => makeColumn(c));
const results = (['low', 'medium', 'high'] as const).map((s) => evaluate(columns, s));
for (const r of results) process.stderr.write(`${JSON.stringify(r)}\n`);
console.log(JSON.stringify(results[1]));
