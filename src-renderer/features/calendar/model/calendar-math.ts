// Local-time arithmetic for the calendar: the days of a week or month, hour slots, where a job sits,
// and the instant a job lands on when it is moved to another slot (keeping its minutes).
import type { OutboxJob } from '../../../../src-shared/contract/publishing-contract.ts';

export type View = 'week' | 'month';

const pad = (n: number) => String(n).padStart(2, '0');

export function dayKey(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function fromDayKey(key: string): Date {
  const [y, m, d] = key.split('-').map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1);
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);
}

/** Weeks start on Monday, as in most of the places Roost's languages are spoken. */
export function startOfWeek(date: Date): Date {
  return addDays(date, -((date.getDay() + 6) % 7));
}

export function weekDays(anchor: Date): Date[] {
  const start = startOfWeek(anchor);
  return Array.from({ length: 7 }, (_, i) => addDays(start, i));
}

/** Whole weeks covering the anchor's month. */
export function monthDays(anchor: Date): Date[] {
  const first = new Date(anchor.getFullYear(), anchor.getMonth(), 1);
  const last = new Date(anchor.getFullYear(), anchor.getMonth() + 1, 0);
  const start = startOfWeek(first);
  const days: Date[] = [];
  for (let d = start; d <= last || days.length % 7 !== 0; d = addDays(d, 1)) days.push(d);
  return days;
}

export function visibleDays(view: View, anchor: Date): Date[] {
  return view === 'week' ? weekDays(anchor) : monthDays(anchor);
}

export const HOURS = Array.from({ length: 24 }, (_, h) => h);

/** When a job happens for the calendar: sent time, else the schedule, else the end of its undo window. */
export function jobInstant(job: OutboxJob): Date {
  return new Date(job.sentAt ?? job.scheduledAt ?? job.holdUntil ?? job.createdAt);
}

/** A week cell is a day and an hour; a month cell is a day (hour -1). */
export interface Slot {
  readonly day: string;
  readonly hour: number;
}

export function slotKey(slot: Slot): string {
  return slot.hour < 0 ? slot.day : `${slot.day}T${pad(slot.hour)}`;
}

export function slotOf(view: View, job: OutboxJob): Slot {
  const at = jobInstant(job);
  return { day: dayKey(at), hour: view === 'week' ? at.getHours() : -1 };
}

/** The instant a job lands on in `slot`, keeping its minutes (and its hour in the month view). */
export function moveInstant(job: OutboxJob, slot: Slot): string {
  const at = jobInstant(job);
  const day = fromDayKey(slot.day);
  const hour = slot.hour < 0 ? at.getHours() : slot.hour;
  return new Date(day.getFullYear(), day.getMonth(), day.getDate(), hour, at.getMinutes()).toISOString();
}

/** The slot one step away; week: left/right days, up/down hours; month: left/right days, up/down weeks. */
export function step(
  view: View,
  slot: Slot,
  key: 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown',
): Slot {
  const day = fromDayKey(slot.day);
  if (key === 'ArrowLeft') return { ...slot, day: dayKey(addDays(day, -1)) };
  if (key === 'ArrowRight') return { ...slot, day: dayKey(addDays(day, 1)) };
  if (view === 'month') return { ...slot, day: dayKey(addDays(day, key === 'ArrowUp' ? -7 : 7)) };
  const hour = slot.hour + (key === 'ArrowUp' ? -1 : 1);
  if (hour < 0) return { day: dayKey(addDays(day, -1)), hour: 23 };
  if (hour > 23) return { day: dayKey(addDays(day, 1)), hour: 0 };
  return { ...slot, hour };
}

/** What main can reschedule: a held job is still inside its undo window and is cancelled, not moved. */
export const MOVABLE_STATES: ReadonlySet<OutboxJob['state']> = new Set(['queued', 'overdue']);

export function isMovable(job: OutboxJob): boolean {
  return MOVABLE_STATES.has(job.state) && job.scheduledAt !== null;
}
