// The team desk's lists and counts, answered from this computer's team cache: the feed keeps the latest
// version of every conversation the member may see, so the Inbox opens instantly and still works offline.
// The views mean what they mean on the server (desk-team-contract.ts); SLA states are re-judged against the
// local clock because a cached summary is only as fresh as its last change.
import {
  TEAM_DESK_VIEWS,
  TeamConversationSchema,
  type TeamConversation,
  type TeamDeskView,
} from '../../../src-shared/desk/desk-team-contract.ts';
import type { CachedRecord } from '../team-cache.ts';

/** Enough for any screen; the contract allows asking for more. */
export const DEFAULT_TEAM_LIST_LIMIT = 5_000;

const isOpen = (c: TeamConversation) => c.state === 'new' || c.state === 'open';

function breaching(c: TeamConversation, now: number): boolean {
  if (c.state === 'resolved' || !c.sla) return false;
  if (c.sla.state === 'breached' || c.sla.state === 'at_risk') return true;
  return c.sla.state !== 'paused' && c.sla.deadline !== null && c.sla.deadline <= now;
}

export function teamViewTest(
  view: TeamDeskView,
  memberId: string | null,
  now: number,
): (c: TeamConversation) => boolean {
  switch (view) {
    case 'mine':
      return (c) => memberId !== null && c.ownerId === memberId && isOpen(c);
    case 'unassigned':
      return (c) => c.ownerId === null && isOpen(c);
    case 'team':
      return isOpen;
    case 'breaching':
      return (c) => breaching(c, now);
    default:
      return (c) => c.state === view;
  }
}

/** Priority first, then the nearest SLA deadline, then the oldest: the order experts work in. */
export function byUrgency(a: TeamConversation, b: TeamConversation): number {
  if (a.priority !== b.priority) return b.priority - a.priority;
  const da = a.sla?.deadline ?? Number.POSITIVE_INFINITY;
  const db = b.sla?.deadline ?? Number.POSITIVE_INFINITY;
  if (da !== db) return da < db ? -1 : 1;
  if (a.createdAt !== b.createdAt) return a.createdAt - b.createdAt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Cached records that are valid conversations; a record the server shaped differently is skipped, not fatal. */
export function cachedConversations(records: readonly CachedRecord[]): TeamConversation[] {
  const out: TeamConversation[] = [];
  for (const record of records) {
    const parsed = TeamConversationSchema.safeParse({ ...record.data, version: record.version });
    if (parsed.success) out.push(parsed.data);
  }
  return out;
}

export function listTeamView(
  all: readonly TeamConversation[],
  view: TeamDeskView,
  memberId: string | null,
  now: number,
  limit = DEFAULT_TEAM_LIST_LIMIT,
): TeamConversation[] {
  return all
    .filter(teamViewTest(view, memberId, now))
    .sort(byUrgency)
    .slice(0, limit);
}

export function countTeamViews(
  all: readonly TeamConversation[],
  memberId: string | null,
  now: number,
): Record<TeamDeskView, number> {
  const counts = Object.fromEntries(TEAM_DESK_VIEWS.map((v) => [v, 0])) as Record<TeamDeskView, number>;
  const tests = TEAM_DESK_VIEWS.map((view) => [view, teamViewTest(view, memberId, now)] as const);
  for (const c of all) for (const [view, test] of tests) if (test(c)) counts[view] += 1;
  return counts;
}
