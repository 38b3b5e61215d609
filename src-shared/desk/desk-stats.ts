// Inquiry figures for the Analytics charts, from the desk's conversations: how many started per bucket,
// and per expert and per desk (brand account) the median first-response time and the first-response SLA
// hit rate. Pure, so the maths is unit-tested; main feeds it from SQLite (desk:stats).
import type { DeskStats, DeskStatsRow } from '../contract/desk-contract.ts';
import { clockStatus, type SlaClock, type SlaPolicy } from './sla.ts';

export interface StatsConversation {
  readonly accountId: string;
  readonly ownerId: string | null;
  readonly createdAt: number;
  readonly clocks: readonly SlaClock[];
  /** The desk recorded a first-response breach (an SLA tick saw the deadline pass). */
  readonly firstBreached: boolean;
}

type Sla = 'met' | 'missed' | 'open';

/** Met in time, missed (a breach was recorded, or the clock is past its deadline now), or still open. */
export function firstResponseSla(c: StatsConversation, now: number, policy: SlaPolicy): Sla {
  const clock = c.clocks.find((k) => k.kind === 'first_response');
  if (c.firstBreached) return 'missed';
  if (!clock) return 'open';
  if (clock.metAt !== null) return 'met';
  return clockStatus(clock, now, policy).state === 'breached' ? 'missed' : 'open';
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function rows(
  groups: Map<string, { times: number[]; n: number; met: number; missed: number }>,
): DeskStatsRow[] {
  return [...groups]
    .map(([key, g]) => ({
      key,
      conversations: g.n,
      responded: g.times.length,
      medianFirstResponseMs: median(g.times),
      slaMet: g.met,
      slaMissed: g.missed,
    }))
    .sort((a, b) => b.conversations - a.conversations || a.key.localeCompare(b.key));
}

export function deskStats(
  conversations: readonly StatsConversation[],
  range: { readonly from: number; readonly to: number; readonly bucketMs: number },
  now: number,
  policy: SlaPolicy,
): DeskStats {
  const volume: { start: number; conversations: number }[] = [];
  for (let t = range.from; t < range.to; t += range.bucketMs) volume.push({ start: t, conversations: 0 });
  const experts = new Map<string, { times: number[]; n: number; met: number; missed: number }>();
  const desks = new Map<string, { times: number[]; n: number; met: number; missed: number }>();
  for (const c of conversations) {
    if (c.createdAt < range.from || c.createdAt >= range.to) continue;
    const bucket = volume[Math.floor((c.createdAt - range.from) / range.bucketMs)];
    if (bucket) bucket.conversations += 1;
    const metAt = c.clocks.find((k) => k.kind === 'first_response')?.metAt ?? null;
    const sla = firstResponseSla(c, now, policy);
    for (const [groups, key] of [
      [experts, c.ownerId ?? ''],
      [desks, c.accountId],
    ] as const) {
      const g = groups.get(key) ?? { times: [], n: 0, met: 0, missed: 0 };
      g.n += 1;
      if (metAt !== null) g.times.push(Math.max(0, metAt - c.createdAt));
      if (sla === 'met') g.met += 1;
      if (sla === 'missed') g.missed += 1;
      groups.set(key, g);
    }
  }
  return { volume, experts: rows(experts), desks: rows(desks) };
}
