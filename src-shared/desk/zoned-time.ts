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
/** Bound on each memo below (a clear when full is enough: entries are cheap to recompute). */
const MAX_CACHED_READINGS = 50_000;

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

const MINUTE_MS = 60_000;
const readings = new Map<string, LocalDateTime>();

/** The wall-clock reading in `timeZone` at the instant `ms` (to the minute: kept per zone and UTC minute). */
export function localDateTime(ms: number, timeZone: string): LocalDateTime {
  const key = `${timeZone} ${Math.floor(ms / MINUTE_MS)}`;
  const cached = readings.get(key);
  if (cached) return cached;
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(ms))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const year = parts.year!;
  const month = parts.month!;
  const day = parts.day!;
  const reading = Object.freeze({
    year,
    month,
    day,
    hour: parts.hour!,
    minute: parts.minute!,
    weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay(),
  });
  if (readings.size >= MAX_CACHED_READINGS) readings.clear();
  readings.set(key, reading);
  return reading;
}

/**
 * Offsets only change at a zone's transitions, which fall on whole quarter hours of UTC in every zone in use
 * (offsets are multiples of 15 minutes, switches happen on the local hour or half hour): one offset per zone
 * and quarter hour is exact, and spares SLA deadlines most of their Intl calls (a team server computes
 * thousands per routing pass).
 */
const QUARTER_HOUR_MS = 900_000;
const offsets = new Map<string, number>();

/** How far the zone's wall clock is ahead of UTC at instant `ms`, in milliseconds. */
function offsetAt(ms: number, timeZone: string): number {
  const key = `${timeZone} ${Math.floor(ms / QUARTER_HOUR_MS)}`;
  const cached = offsets.get(key);
  if (cached !== undefined) return cached;
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(ms))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(
    parts.year!,
    parts.month! - 1,
    parts.day!,
    parts.hour!,
    parts.minute!,
    parts.second!,
  );
  const offset = asUtc - Math.floor(ms / 1000) * 1000;
  if (offsets.size >= MAX_CACHED_READINGS) offsets.clear();
  offsets.set(key, offset);
  return offset;
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
