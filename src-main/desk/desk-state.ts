// A conversation as the desk shows it: its summary (with the SLA clock nearest its deadline), how its clocks
// follow a change of state, and which conversations each view lists in which order.
import type { ConversationLife, DeskAction } from '../../src-shared/desk/conversation.ts';
import type { DeskSettings } from '../../src-shared/desk/desk-settings.ts';
import { byPriority } from '../../src-shared/desk/priority.ts';
import { clockStatus, meetClock, pauseClock, resumeClock, type SlaClock } from '../../src-shared/desk/sla.ts';
import type {
  ConversationSummary,
  DeskActionInput,
  DeskView,
} from '../../src-shared/contract/desk-contract.ts';
import { SOLO_EXPERT } from './desk-context.ts';
import type { StoredConversation } from './desk-repository.ts';

type SlaPolicy = DeskSettings['sla'];

export function summarise(c: StoredConversation, now: number, policy: SlaPolicy): ConversationSummary {
  let sla: ConversationSummary['sla'] = null;
  let best = Number.POSITIVE_INFINITY;
  for (const clock of c.clocks) {
    const status = clockStatus(clock, now, policy);
    if (!('deadline' in status)) {
      if (status.state === 'paused' && sla === null)
        sla = { clock: clock.kind, state: 'paused', deadline: null };
      continue;
    }
    if (status.deadline < best) {
      best = status.deadline;
      sla = { clock: clock.kind, state: status.state, deadline: status.deadline };
    }
  }
  return {
    id: c.id,
    accountId: c.accountId,
    network: c.network,
    contact: c.contact,
    state: c.life.state,
    ownerId: c.life.ownerId,
    priority: c.priority,
    priorityReasons: [...c.priorityReasons],
    skills: [...c.skills],
    lang: c.lang,
    excerpt: c.excerpt,
    createdAt: c.createdAt,
    lastMessageAt: c.lastMessageAt,
    snoozedUntil: c.life.snoozedUntil,
    sla,
  };
}

/** Clocks follow the state: paused while pending, every one met once resolved. */
export function clocksFor(
  before: ConversationLife,
  after: ConversationLife,
  clocks: readonly SlaClock[],
  now: number,
  policy: SlaPolicy,
): SlaClock[] {
  if (after.state === 'resolved') return clocks.map((c) => meetClock(c, now));
  if (after.state === 'pending' && before.state !== 'pending') {
    return clocks.map((c) => pauseClock(c, now, policy.calendar));
  }
  if (before.state === 'pending' && after.state !== 'pending') return clocks.map((c) => resumeClock(c, now));
  return [...clocks];
}

export const inView: Record<DeskView, (s: ConversationSummary) => boolean> = {
  mine: (s) => s.ownerId === SOLO_EXPERT && (s.state === 'open' || s.state === 'new'),
  unassigned: (s) => s.ownerId === null && s.state === 'new',
  pending: (s) => s.state === 'pending',
  snoozed: (s) => s.state === 'snoozed',
  resolved: (s) => s.state === 'resolved',
  breaching: (s) => s.state !== 'resolved' && (s.sla?.state === 'breached' || s.sla?.state === 'at_risk'),
};

/** The stored states a view's conversations can be in, so the repository reads no more than those. */
export const statesOf: Record<DeskView, ConversationLife['state'][]> = {
  mine: ['new', 'open'],
  unassigned: ['new'],
  pending: ['pending'],
  snoozed: ['snoozed'],
  resolved: ['resolved'],
  breaching: ['new', 'open', 'pending', 'snoozed'],
};

/** Priority first; then the nearest SLA deadline; then oldest. */
export function bySlaAndPriority(a: ConversationSummary, b: ConversationSummary): number {
  if (a.priority !== b.priority) return b.priority - a.priority;
  const da = a.sla?.deadline ?? Number.POSITIVE_INFINITY;
  const db = b.sla?.deadline ?? Number.POSITIVE_INFINITY;
  if (da !== db) return da < db ? -1 : 1;
  return byPriority(a, b);
}

/** The contract's action in the rules' words: claiming is assigning to the desk's one expert. */
export function toAction(action: DeskActionInput): DeskAction {
  switch (action.kind) {
    case 'claim':
      return { kind: 'assign', ownerId: SOLO_EXPERT };
    case 'snooze':
      return { kind: 'snooze', until: action.until };
    default:
      return { kind: action.kind };
  }
}
