// SLA clocks: tiers by priority, deadlines on business time, pauses while pending that give back exactly the
// time spent waiting, at-risk and breached states, and warning/breach events reported once per crossing.
import { describe, expect, test } from 'vitest';
import { checkCalendar } from '../../../../src-shared/desk/business-calendar.ts';
import {
  clockStatus,
  deadlineOf,
  meetClock,
  pauseClock,
  resumeClock,
  slaEventsBetween,
  startClock,
  tierFor,
  type SlaPolicy,
} from '../../../../src-shared/desk/sla.ts';

const MIN = 60_000;
const at = (iso: string) => Date.parse(iso);
const nineToFive = [{ start: '09:00', end: '17:00' }];
const policy: SlaPolicy = {
  calendar: checkCalendar({
    timeZone: 'Europe/London',
    week: [[], nineToFive, nineToFive, nineToFive, nineToFive, nineToFive, []],
    holidays: ['2026-12-25'],
  }),
  tiers: [
    { minPriority: 0, firstResponseMinutes: 240, nextResponseMinutes: 480, resolutionMinutes: 2_400 },
    { minPriority: 50, firstResponseMinutes: 30, nextResponseMinutes: 60, resolutionMinutes: 480 },
  ],
  warnBeforeMinutes: 15,
};

describe('SLA clocks', () => {
  test('the tier follows the priority', () => {
    expect(tierFor(policy, 0).firstResponseMinutes).toBe(240);
    expect(tierFor(policy, 49).firstResponseMinutes).toBe(240);
    expect(tierFor(policy, 80).firstResponseMinutes).toBe(30);
    expect(tierFor(policy, -5).firstResponseMinutes).toBe(240);
  });

  test('a first-response deadline over the weekend', () => {
    // Friday 11 Dec 2026 16:00 London (UTC in winter) + 240 business minutes → Monday 12:00.
    const clock = startClock('first_response', tierFor(policy, 0), at('2026-12-11T16:00:00Z'));
    expect(deadlineOf(clock, policy.calendar)).toBe(at('2026-12-14T12:00:00Z'));
  });

  test('pending pauses the clock; the time waiting does not count', () => {
    const tier = tierFor(policy, 60); // 30 min
    let clock = startClock('first_response', tier, at('2026-12-07T10:00:00Z'));
    clock = pauseClock(clock, at('2026-12-07T10:20:00Z'), policy.calendar); // 20 min used
    expect(deadlineOf(clock, policy.calendar)).toBeNull();
    expect(clockStatus(clock, at('2026-12-07T12:00:00Z'), policy)).toEqual({ state: 'paused' });
    clock = resumeClock(clock, at('2026-12-08T09:00:00Z'));
    expect(deadlineOf(clock, policy.calendar)).toBe(at('2026-12-08T09:10:00Z'));
  });

  test('ok, at risk, breached with time over, and met', () => {
    const clock = startClock('first_response', tierFor(policy, 60), at('2026-12-07T10:00:00Z'));
    expect(clockStatus(clock, at('2026-12-07T10:10:00Z'), policy)).toMatchObject({
      state: 'ok',
      leftMs: 20 * MIN,
    });
    expect(clockStatus(clock, at('2026-12-07T10:15:00Z'), policy)).toMatchObject({ state: 'at_risk' });
    expect(clockStatus(clock, at('2026-12-07T10:42:00Z'), policy)).toMatchObject({
      state: 'breached',
      leftMs: -12 * MIN,
    });
    expect(
      clockStatus(meetClock(clock, at('2026-12-07T10:05:00Z')), at('2026-12-07T11:00:00Z'), policy),
    ).toEqual({
      state: 'met',
    });
  });

  test('warning and breach events are reported once, even when ticks are late', () => {
    const clocks = [startClock('first_response', tierFor(policy, 60), at('2026-12-07T10:00:00Z'))];
    const ticks = [at('2026-12-07T10:00:00Z'), at('2026-12-07T10:05:00Z'), at('2026-12-07T11:00:00Z')];
    const events = ticks.slice(1).flatMap((now, i) => slaEventsBetween(clocks, ticks[i]!, now, policy));
    expect(events).toEqual([
      { kind: 'warning', clock: 'first_response', at: at('2026-12-07T10:15:00Z') },
      { kind: 'breach', clock: 'first_response', at: at('2026-12-07T10:30:00Z') },
    ]);
    expect(slaEventsBetween(clocks, ticks[2]!, at('2026-12-07T12:00:00Z'), policy)).toEqual([]);
  });

  test('a holiday moves the deadline', () => {
    // Thursday 24 Dec 16:30 + 60 min: 30 min Thursday, Friday is Christmas, → Monday 28 Dec 09:30.
    const clock = startClock('first_response', tierFor(policy, 60), at('2026-12-24T16:30:00Z'));
    const longer = { ...clock, targetMs: 60 * MIN };
    expect(deadlineOf(longer, policy.calendar)).toBe(at('2026-12-28T09:30:00Z'));
  });

  test('summer time in London: the deadline is in local business hours', () => {
    // Monday 6 July 2026 16:30 BST (15:30Z) + 60 min → Tuesday 09:30 BST (08:30Z).
    const clock = {
      ...startClock('first_response', tierFor(policy, 60), at('2026-07-06T15:30:00Z')),
      targetMs: 60 * MIN,
    };
    expect(deadlineOf(clock, policy.calendar)).toBe(at('2026-07-07T08:30:00Z'));
  });
});
