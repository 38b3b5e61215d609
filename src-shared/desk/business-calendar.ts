// Business time: a weekly schedule with several periods a day, holidays and a time zone. SLA clocks run only
// inside it, and the same shape describes an expert's working hours. All arithmetic walks local days in the
// calendar's zone and converts each period's edges to instants, so a DST change shortens or lengthens the
// day exactly as the wall clock does.
import {
  addDays,
  instantOf,
  isoDate,
  localDateTime,
  parseClock,
  weekdayOf,
  type LocalDate,
} from './zoned-time.ts';

export type Period = { readonly start: string; readonly end: string };

export type BusinessCalendar = {
  readonly timeZone: string;
  /** Index 0 = Sunday … 6 = Saturday; periods as `HH:MM`–`HH:MM`, end after start, `24:00` allowed. */
  readonly week: readonly (readonly Period[])[];
  /** Local dates (`YYYY-MM-DD`) with no business hours at all. */
  readonly holidays: readonly string[];
};

/** A calendar that never stops: used where no business hours are configured. */
export function alwaysOpen(timeZone = 'UTC'): BusinessCalendar {
  const day = [{ start: '00:00', end: '24:00' }];
  return { timeZone, week: [day, day, day, day, day, day, day], holidays: [] };
}

/** Throws with a clear reason when a calendar cannot be used; returns it unchanged otherwise. */
export function checkCalendar(calendar: BusinessCalendar): BusinessCalendar {
  if (calendar.week.length !== 7) throw new RangeError('a business week needs seven days (Sunday first)');
  localDateTime(0, calendar.timeZone);
  let any = false;
  for (const periods of calendar.week) {
    let previousEnd = -1;
    for (const period of periods) {
      const start = parseClock(period.start);
      const end = parseClock(period.end);
      if (end <= start)
        throw new RangeError(`a period must end after it starts: ${period.start}–${period.end}`);
      if (start < previousEnd) throw new RangeError('periods of a day must be in order and not overlap');
      previousEnd = end;
      any = true;
    }
  }
  if (!any) throw new RangeError('a business week needs at least one period');
  return calendar;
}

type Span = { readonly from: number; readonly to: number };

/** The business spans of one local date, as instants, in order. */
function spansOn(date: LocalDate, calendar: BusinessCalendar): Span[] {
  if (calendar.holidays.includes(isoDate(date))) return [];
  const periods = calendar.week[weekdayOf(date)] ?? [];
  const spans: Span[] = [];
  for (const period of periods) {
    const from = instantOf(date, parseClock(period.start), calendar.timeZone);
    const to =
      period.end === '24:00'
        ? instantOf(addDays(date, 1), 0, calendar.timeZone)
        : instantOf(date, parseClock(period.end), calendar.timeZone);
    if (to > from) spans.push({ from, to });
  }
  return spans;
}

/** Far enough for any sane target; a calendar with no open day in this window is refused by checkCalendar. */
const MAX_DAYS = 800;

function localDateOf(ms: number, timeZone: string): LocalDate {
  const { year, month, day } = localDateTime(ms, timeZone);
  return { year, month, day };
}

/** The instant `businessMs` of business time after `startMs`. Zero returns the next business instant. */
export function addBusinessTime(startMs: number, businessMs: number, calendar: BusinessCalendar): number {
  let remaining = Math.max(0, businessMs);
  let date = localDateOf(startMs, calendar.timeZone);
  for (let i = 0; i < MAX_DAYS; i++, date = addDays(date, 1)) {
    for (const span of spansOn(date, calendar)) {
      const from = Math.max(span.from, startMs);
      if (from >= span.to) continue;
      const available = span.to - from;
      if (remaining <= available) return from + remaining;
      remaining -= available;
    }
  }
  throw new RangeError('the business calendar has no open time in the next two years');
}

/** Business time between two instants (zero if `toMs` is not after `fromMs`). */
export function businessTimeBetween(fromMs: number, toMs: number, calendar: BusinessCalendar): number {
  if (toMs <= fromMs) return 0;
  let total = 0;
  let date = localDateOf(fromMs, calendar.timeZone);
  for (let i = 0; i < MAX_DAYS; i++, date = addDays(date, 1)) {
    const spans = spansOn(date, calendar);
    for (const span of spans) {
      const from = Math.max(span.from, fromMs);
      const to = Math.min(span.to, toMs);
      if (to > from) total += to - from;
    }
    const nextDayStart = instantOf(addDays(date, 1), 0, calendar.timeZone);
    if (nextDayStart >= toMs) return total;
  }
  return total;
}

/** Whether `ms` falls inside a business period. */
export function isBusinessTime(ms: number, calendar: BusinessCalendar): boolean {
  const date = localDateOf(ms, calendar.timeZone);
  return [addDays(date, -1), date].some((d) => spansOn(d, calendar).some((s) => ms >= s.from && ms < s.to));
}
