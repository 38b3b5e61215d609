// SLA clocks on business time. A clock holds the business time it has already used and, while running, the
// instant it last started; its deadline is therefore recomputed from the calendar, never stored, so a change
// of calendar or a pause moves it correctly. Clocks pause while a conversation waits for the contact.
import { addBusinessTime, businessTimeBetween, type BusinessCalendar } from './business-calendar.ts';

export const SLA_KINDS = ['first_response', 'next_response', 'resolution'] as const;
export type SlaKind = (typeof SLA_KINDS)[number];

/** Targets in business minutes for conversations whose priority is at least `minPriority`. */
export type SlaTier = {
  readonly minPriority: number;
  readonly firstResponseMinutes: number;
  readonly nextResponseMinutes: number;
  readonly resolutionMinutes: number;
};

export type SlaPolicy = {
  readonly calendar: BusinessCalendar;
  /** Any order; the tier with the highest `minPriority` not above the conversation's priority applies. */
  readonly tiers: readonly SlaTier[];
  /** How long before the deadline (wall-clock minutes) a clock counts as at risk. */
  readonly warnBeforeMinutes: number;
};

export type SlaClock = {
  readonly kind: SlaKind;
  readonly targetMs: number;
  /** Business time already used before the current run. */
  readonly usedMs: number;
  /** When the current run began; null while paused or stopped. */
  readonly runningSince: number | null;
  /** Set once the clock's goal was met (a reply sent, the conversation resolved); the clock is then done. */
  readonly metAt: number | null;
};

export function tierFor(policy: SlaPolicy, priority: number): SlaTier {
  const sorted = [...policy.tiers].sort((a, b) => b.minPriority - a.minPriority);
  const tier = sorted.find((t) => priority >= t.minPriority) ?? sorted[sorted.length - 1];
  if (!tier) throw new RangeError('an SLA policy needs at least one tier');
  return tier;
}

function targetMinutes(tier: SlaTier, kind: SlaKind): number {
  if (kind === 'first_response') return tier.firstResponseMinutes;
  if (kind === 'next_response') return tier.nextResponseMinutes;
  return tier.resolutionMinutes;
}

export function startClock(kind: SlaKind, tier: SlaTier, at: number): SlaClock {
  return { kind, targetMs: targetMinutes(tier, kind) * 60_000, usedMs: 0, runningSince: at, metAt: null };
}

export function pauseClock(clock: SlaClock, at: number, calendar: BusinessCalendar): SlaClock {
  if (clock.runningSince === null || clock.metAt !== null) return clock;
  return {
    ...clock,
    usedMs: clock.usedMs + businessTimeBetween(clock.runningSince, at, calendar),
    runningSince: null,
  };
}

export function resumeClock(clock: SlaClock, at: number): SlaClock {
  if (clock.runningSince !== null || clock.metAt !== null) return clock;
  return { ...clock, runningSince: at };
}

export function meetClock(clock: SlaClock, at: number): SlaClock {
  return clock.metAt !== null ? clock : { ...clock, metAt: at, runningSince: null };
}

/** When the clock breaches if nothing happens; null while paused or met. */
export function deadlineOf(clock: SlaClock, calendar: BusinessCalendar): number | null {
  if (clock.runningSince === null || clock.metAt !== null) return null;
  return addBusinessTime(clock.runningSince, Math.max(0, clock.targetMs - clock.usedMs), calendar);
}

export type SlaStatus =
  | { readonly state: 'met' | 'paused' }
  | { readonly state: 'ok' | 'at_risk' | 'breached'; readonly deadline: number; readonly leftMs: number };

export function clockStatus(clock: SlaClock, now: number, policy: SlaPolicy): SlaStatus {
  if (clock.metAt !== null) return { state: 'met' };
  const deadline = deadlineOf(clock, policy.calendar);
  if (deadline === null) return { state: 'paused' };
  const leftMs = deadline - now;
  const state = leftMs <= 0 ? 'breached' : leftMs <= policy.warnBeforeMinutes * 60_000 ? 'at_risk' : 'ok';
  return { state, deadline, leftMs };
}

export type SlaEvent = { readonly kind: 'warning' | 'breach'; readonly clock: SlaKind; readonly at: number };

/**
 * The warnings and breaches that happened in (`since`, `now`]: called on each tick with the previous tick's
 * time, every crossing is reported exactly once, even when a tick was late.
 */
export function slaEventsBetween(
  clocks: readonly SlaClock[],
  since: number,
  now: number,
  policy: SlaPolicy,
): SlaEvent[] {
  const events: SlaEvent[] = [];
  for (const clock of clocks) {
    const deadline = deadlineOf(clock, policy.calendar);
    if (deadline === null) continue;
    const warnAt = deadline - policy.warnBeforeMinutes * 60_000;
    if (policy.warnBeforeMinutes > 0 && warnAt > since && warnAt <= now) {
      events.push({ kind: 'warning', clock: clock.kind, at: warnAt });
    }
    if (deadline > since && deadline <= now) events.push({ kind: 'breach', clock: clock.kind, at: deadline });
  }
  return events.sort((a, b) => a.at - b.at);
}
