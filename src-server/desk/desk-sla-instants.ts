// When a conversation's SLA next needs the ticker: its earliest warning or deadline still to come.
import { deadlineOf, type SlaClock, type SlaPolicy } from '../../src-shared/desk/sla.ts';

export function nextSlaInstant(clocks: readonly SlaClock[], after: number, policy: SlaPolicy): number | null {
  let next: number | null = null;
  for (const clock of clocks) {
    const deadline = deadlineOf(clock, policy.calendar);
    if (deadline === null) continue;
    const warnAt = policy.warnBeforeMinutes > 0 ? deadline - policy.warnBeforeMinutes * 60_000 : deadline;
    for (const instant of [warnAt, deadline]) {
      if (instant > after && (next === null || instant < next)) next = instant;
    }
  }
  return next;
}
