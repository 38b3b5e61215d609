// Wall-clock time in a named time zone, computed with Intl only (no time-zone package): the desk's business
// hours, working hours and holidays are local to a desk or an expert, and must stay right across DST changes.

export type LocalDate = { readonly year: number; readonly month: number; readonly day: number };
export type LocalDateTime = LocalDate & {
  readonly hour: number;
  readonly minute: number;
  /** 0 = Sunday … 6 = Saturday, as Date#getUTCDay. */
  readonly weekday: number;
};

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // Throws a RangeError for an unknown zone, which is what a bad calendar deserves.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * Readings already made, by zone and second. formatToParts costs tens of microseconds, and a desk listing
 * thousands of conversations asks about the same few days' business hours for each of them. Keyed by the
 * second because that is all the formatter shows, so a cached reading is exactly the computed one.
 */
const readings = new Map<string, Readonly<Record<string, number>>>();
const MAX_READINGS = 50_000;

function wallParts(ms: number, timeZone: string): Readonly<Record<string, number>> {
  const key = `${timeZone}|${Math.floor(ms / 1000)}`;
  const cached = readings.get(key);
  if (cached) return cached;
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(ms))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  if (readings.size >= MAX_READINGS) readings.clear();
  readings.set(key, parts);
  return parts;
}

/** The wall-clock reading in `timeZone` at the instant `ms`. */
export function localDateTime(ms: number, timeZone: string): LocalDateTime {
  const parts = wallParts(ms, timeZone);
  const year = parts.year!;
  const month = parts.month!;
  const day = parts.day!;
  return {
    year,
    month,
    day,
    hour: parts.hour!,
    minute: parts.minute!,
    weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay(),
  };
}

/** How far the zone's wall clock is ahead of UTC at instant `ms`, in milliseconds. */
function offsetAt(ms: number, timeZone: string): number {
  const parts = wallParts(ms, timeZone);
  const asUtc = Date.UTC(
    parts.year!,
    parts.month! - 1,
    parts.day!,
    parts.hour!,
    parts.minute!,
    parts.second!,
  );
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/**
 * The instant at which `timeZone`'s wall clock reads the given local time, disambiguated as Temporal's
 * "compatible" mode does: a time that happens twice in autumn maps to its first occurrence, and a time
 * skipped in spring maps forward by the size of the jump (02:30 on a 02:00→03:00 night becomes 03:30).
 */
export function instantOf(date: LocalDate, minutesOfDay: number, timeZone: string): number {
  const wall = Date.UTC(date.year, date.month - 1, date.day) + minutesOfDay * 60_000;
  const before = offsetAt(wall - 86_400_000, timeZone);
  const after = offsetAt(wall + 86_400_000, timeZone);
  // The larger offset gives the earlier instant: try it first so an autumn repeat resolves to the first one.
  for (const offset of before >= after ? [before, after] : [after, before]) {
    if (offsetAt(wall - offset, timeZone) === offset) return wall - offset;
  }
  return wall - before;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function weekdayOf(date: LocalDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

/** `YYYY-MM-DD`, the form holidays and out-of-office dates are written in. */
export function isoDate(date: LocalDate): string {
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

/** Minutes since local midnight for `HH:MM` (24:00 allowed as the end of a day). */
export function parseClock(text: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(text);
  if (!match) throw new RangeError(`not a HH:MM time: ${text}`);
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  if (Number(match[2]) > 59 || minutes > 24 * 60) throw new RangeError(`not a HH:MM time: ${text}`);
  return minutes;
}
