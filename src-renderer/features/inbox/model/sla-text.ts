// How an SLA badge reads: the time left (amber once at risk), or red with the time over once breached.
import type { DeskSla } from '../../../../src-shared/contract/desk-contract.ts';

/** "2 d 3 h", "3 h 05 min", "12 min": coarse enough to read at a glance. */
export function formatSpan(ms: number): string {
  const minutes = Math.max(0, Math.floor(Math.abs(ms) / 60_000));
  const days = Math.floor(minutes / 1_440);
  const hours = Math.floor((minutes % 1_440) / 60);
  const rest = minutes % 60;
  if (days > 0) return `${days} d ${hours} h`;
  if (hours > 0) return `${hours} h ${String(rest).padStart(2, '0')} min`;
  return `${rest} min`;
}

export type SlaTone = 'ok' | 'at_risk' | 'breached' | 'paused';

/** The tone at `now`, which may have moved on since main computed the summary. */
export function slaTone(sla: DeskSla, now: number, warnMs: number): SlaTone {
  if (sla.deadline === null) return 'paused';
  const left = sla.deadline - now;
  if (left <= 0) return 'breached';
  if (sla.state === 'at_risk' || left <= warnMs) return 'at_risk';
  return 'ok';
}
