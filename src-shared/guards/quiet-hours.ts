// Quiet hours per account in the account's own time zone (Intl does the DST arithmetic), checked for the
// moment a post will actually go out: now, or its scheduled time.
import type { OutgoingPost } from '../compose/post.ts';
import type { GuardContext, GuardDecision, QuietHours } from './types.ts';
import { decisionId } from './decision-id.ts';

const MINUTES_PER_DAY = 24 * 60;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Minutes since local midnight at `instant` in `timeZone`; throws RangeError for an unknown zone. */
export function localMinutes(instant: number, timeZone: string): number {
  const parts = formatter(timeZone).formatToParts(instant);
  const hour = Number(parts.find((p) => p.type === 'hour')?.value ?? 0);
  const minute = Number(parts.find((p) => p.type === 'minute')?.value ?? 0);
  return (hour % 24) * 60 + minute;
}

export function parseClock(hhmm: string): number | null {
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(hhmm.trim());
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

function formatClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Whether `instant` falls in the quiet hours; an end earlier than the start wraps past midnight. */
export function isQuietAt(instant: number, quiet: QuietHours): boolean {
  const start = parseClock(quiet.start);
  const end = parseClock(quiet.end);
  if (start === null || end === null || start === end) return false;
  const now = localMinutes(instant, quiet.timeZone);
  return start < end ? now >= start && now < end : now >= start || now < end;
}

/** The first instant at or after `instant` when quiet hours are over (the local end time, DST-corrected). */
export function quietHoursEnd(instant: number, quiet: QuietHours): number {
  const end = parseClock(quiet.end) ?? 0;
  const startOfMinute = instant - (((instant % 60_000) + 60_000) % 60_000);
  const wait = (end - localMinutes(instant, quiet.timeZone) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  let candidate = startOfMinute + wait * 60_000;
  // A DST change between now and then shifts the wall clock; correct by the difference, twice at most.
  for (let i = 0; i < 2; i++) {
    let drift = end - localMinutes(candidate, quiet.timeZone);
    if (drift > MINUTES_PER_DAY / 2) drift -= MINUTES_PER_DAY;
    if (drift < -MINUTES_PER_DAY / 2) drift += MINUTES_PER_DAY;
    if (drift === 0) break;
    candidate += drift * 60_000;
  }
  return candidate;
}

function quietNowEnds(at: number, quiet: QuietHours): string | null {
  try {
    return new Date(quietHoursEnd(at, quiet)).toISOString();
  } catch {
    return null;
  }
}

export function quietHoursRule(post: OutgoingPost, ctx: GuardContext): GuardDecision[] {
  const scheduled = post.scheduledAt === null ? Number.NaN : Date.parse(post.scheduledAt);
  const at = Number.isNaN(scheduled) ? ctx.now : scheduled;
  const out: GuardDecision[] = [];
  for (const target of post.targets) {
    const quiet = ctx.accounts.find((a) => a.id === target.accountId)?.quietHours;
    if (!quiet) continue;
    let quietNow: boolean;
    try {
      quietNow = isQuietAt(at, quiet);
    } catch {
      quietNow = true; // An unknown time zone cannot prove it is daytime; ask rather than guess.
    }
    if (!quietNow) continue;
    let localTime = '';
    try {
      localTime = formatClock(localMinutes(at, quiet.timeZone));
    } catch {
      localTime = '?';
    }
    const when = post.scheduledAt === null ? 'It is' : 'At the scheduled time it will be';
    out.push({
      id: decisionId('quiet-hours', target.accountId),
      guard: 'quiet-hours',
      level: 'confirm',
      message: `${when} ${localTime} in ${quiet.timeZone}, inside this account's quiet hours (${quiet.start}–${quiet.end})`,
      accountIds: [target.accountId],
      detail: {
        guard: 'quiet-hours',
        accountId: target.accountId,
        timeZone: quiet.timeZone,
        start: quiet.start,
        end: quiet.end,
        at: new Date(at).toISOString(),
        localTime,
        endsAt: quietNowEnds(at, quiet),
      },
    });
  }
  return out;
}
