// SLA deadlines on business time: across weekends, holidays, several periods a day, time zones and both DST
// changes, with the instants written out by hand so a wrong offset cannot pass.
import { describe, expect, test } from 'vitest';
import {
  addBusinessTime,
  businessTimeBetween,
  checkCalendar,
  isBusinessTime,
  type BusinessCalendar,
} from '../../../../src-shared/desk/business-calendar.ts';
import { instantOf, localDateTime } from '../../../../src-shared/desk/zoned-time.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
const at = (iso: string) => Date.parse(iso);

function weekdays(periods: { start: string; end: string }[], timeZone: string, holidays: string[] = []) {
  return checkCalendar({ timeZone, week: [[], periods, periods, periods, periods, periods, []], holidays });
}

const parisOffice = weekdays(
  [
    { start: '09:00', end: '12:00' },
    { start: '13:00', end: '17:00' },
  ],
  'Europe/Paris',
);

describe('zoned time', () => {
  test('reads the wall clock in a zone, summer and winter', () => {
    expect(localDateTime(at('2026-07-01T10:00:00Z'), 'Europe/Paris')).toMatchObject({ hour: 12, weekday: 3 });
    expect(localDateTime(at('2026-12-01T10:00:00Z'), 'Europe/Paris')).toMatchObject({ hour: 11, weekday: 2 });
    expect(localDateTime(at('2026-12-01T03:00:00Z'), 'America/New_York')).toMatchObject({
      day: 30,
      hour: 22,
    });
  });

  test('a time skipped in spring moves forward by the jump; a repeated autumn time is the first one', () => {
    // Paris, 29 March 2026: 02:00 → 03:00.
    expect(instantOf({ year: 2026, month: 3, day: 29 }, 150, 'Europe/Paris')).toBe(
      at('2026-03-29T01:30:00Z'),
    );
    // Paris, 25 October 2026: 03:00 → 02:00; 02:30 happens at 00:30Z and again at 01:30Z.
    expect(instantOf({ year: 2026, month: 10, day: 25 }, 150, 'Europe/Paris')).toBe(
      at('2026-10-25T00:30:00Z'),
    );
  });
});

describe('business time', () => {
  test('a deadline inside one period', () => {
    // Monday 7 Dec 2026, 09:30 Paris = 08:30Z; +60 business minutes = 10:30 Paris.
    expect(addBusinessTime(at('2026-12-07T08:30:00Z'), 60 * MIN, parisOffice)).toBe(
      at('2026-12-07T09:30:00Z'),
    );
  });

  test('the lunch break is skipped', () => {
    // 11:30 Paris + 60 min = 30 before lunch, 30 after → 13:30 Paris.
    expect(addBusinessTime(at('2026-12-07T10:30:00Z'), 60 * MIN, parisOffice)).toBe(
      at('2026-12-07T12:30:00Z'),
    );
  });

  test('a deadline carried over the weekend', () => {
    // Friday 11 Dec, 16:00 Paris + 2 h → 1 h Friday, 1 h from Monday 09:00 → Monday 14 Dec 10:00 Paris.
    expect(addBusinessTime(at('2026-12-11T15:00:00Z'), 2 * HOUR, parisOffice)).toBe(
      at('2026-12-14T09:00:00Z'),
    );
  });

  test('a message arriving on Saturday starts counting on Monday morning', () => {
    expect(addBusinessTime(at('2026-12-12T10:00:00Z'), 30 * MIN, parisOffice)).toBe(
      at('2026-12-14T08:30:00Z'),
    );
  });

  test('holidays have no business hours', () => {
    const withChristmas = { ...parisOffice, holidays: ['2026-12-24', '2026-12-25'] };
    // Wednesday 23 Dec 16:00 Paris + 2 h → 1 h Wednesday, Thu/Fri holidays, weekend → Monday 28 Dec 10:00.
    expect(addBusinessTime(at('2026-12-23T15:00:00Z'), 2 * HOUR, withChristmas)).toBe(
      at('2026-12-28T09:00:00Z'),
    );
  });

  test('the same local hours mean different instants in different zones', () => {
    const tokyo = weekdays([{ start: '09:00', end: '18:00' }], 'Asia/Tokyo');
    const newYork = weekdays([{ start: '09:00', end: '18:00' }], 'America/New_York');
    const start = at('2026-12-07T00:00:00Z'); // 09:00 Monday in Tokyo, 19:00 Sunday in New York
    expect(addBusinessTime(start, HOUR, tokyo)).toBe(at('2026-12-07T01:00:00Z'));
    expect(addBusinessTime(start, HOUR, newYork)).toBe(at('2026-12-07T15:00:00Z'));
  });

  test('across the spring DST change the deadline keeps business hours, not UTC hours', () => {
    const parisDays = weekdays([{ start: '09:00', end: '17:00' }], 'Europe/Paris');
    // Friday 27 March 2026 16:00 CET (15:00Z) + 2 h: 1 h Friday, 1 h Monday 30 March from 09:00 CEST (07:00Z).
    expect(addBusinessTime(at('2026-03-27T15:00:00Z'), 2 * HOUR, parisDays)).toBe(at('2026-03-30T08:00:00Z'));
  });

  test('a 24-hour calendar has a 23-hour day in spring and a 25-hour day in autumn', () => {
    const allDay = { start: '00:00', end: '24:00' };
    const always: BusinessCalendar = checkCalendar({
      timeZone: 'Europe/Paris',
      week: [[allDay], [allDay], [allDay], [allDay], [allDay], [allDay], [allDay]],
      holidays: [],
    });
    const springDay = [at('2026-03-28T23:00:00Z'), at('2026-03-29T22:00:00Z')] as const;
    expect(businessTimeBetween(springDay[0], springDay[1], always)).toBe(23 * HOUR);
    const autumnDay = [at('2026-10-24T22:00:00Z'), at('2026-10-25T23:00:00Z')] as const;
    expect(businessTimeBetween(autumnDay[0], autumnDay[1], always)).toBe(25 * HOUR);
  });

  test('a night shift over the DST night is measured on the real clock', () => {
    // Saturday night 00:00–06:00 Paris on 25 October 2026 lasts 7 real hours (03:00 happens twice).
    const night = checkCalendar({
      timeZone: 'Europe/Paris',
      week: [[{ start: '00:00', end: '06:00' }], [], [], [], [], [], []],
      holidays: [],
    });
    expect(businessTimeBetween(at('2026-10-24T00:00:00Z'), at('2026-10-26T00:00:00Z'), night)).toBe(7 * HOUR);
  });

  test('businessTimeBetween and addBusinessTime agree', () => {
    const start = at('2026-12-09T14:17:00Z');
    for (const minutes of [1, 59, 180, 421, 2_000, 9_999]) {
      const deadline = addBusinessTime(start, minutes * MIN, parisOffice);
      expect(businessTimeBetween(start, deadline, parisOffice)).toBe(minutes * MIN);
    }
  });

  test('isBusinessTime follows the periods and holidays', () => {
    expect(isBusinessTime(at('2026-12-07T08:30:00Z'), parisOffice)).toBe(true);
    expect(isBusinessTime(at('2026-12-07T11:30:00Z'), parisOffice)).toBe(false); // lunch
    expect(isBusinessTime(at('2026-12-12T10:00:00Z'), parisOffice)).toBe(false); // Saturday
  });

  test('a bad calendar is refused with a reason', () => {
    expect(() => weekdays([{ start: '10:00', end: '09:00' }], 'Europe/Paris')).toThrow(/end after it starts/);
    expect(() => weekdays([{ start: '9:00', end: '10:00' }], 'Europe/Paris')).toThrow(/HH:MM/);
    expect(() => weekdays([{ start: '09:00', end: '10:00' }], 'Mars/Olympus')).toThrow(RangeError);
    expect(() => weekdays([], 'UTC')).toThrow(/at least one period/);
  });
});
