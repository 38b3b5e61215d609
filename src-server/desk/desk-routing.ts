// One routing pass: under the team's one write lock (every exclusive transaction takes it: PostgreSQL's
// `pg_advisory_xact_lock`, SQLite's single writer), it wakes snoozed conversations that are due, gives
// reopened ones back to owners who can take them, and drains the holding queue with routing.ts. Because
// passes are serialised across every server process, a conversation is assigned exactly once however many
// processes run passes at the same moment.
import { ulid } from 'ulid';
import { applyAction, wakeIfDue } from '../../src-shared/desk/conversation.ts';
import { byPriority } from '../../src-shared/desk/priority.ts';
import type { DeskSettings } from '../../src-shared/desk/desk-settings.ts';
import {
  drainQueue,
  ownerOnReopen,
  type Assignment,
  unavailability,
  type Expert as RoutedExpert,
  type Inquiry,
} from '../../src-shared/desk/routing.ts';
import type { TeamDeskSettings } from '../../src-shared/desk/desk-team-contract.ts';
import type { SqlExecutor } from '../storage/sql-engine.ts';
import { queueState } from './desk-queue.ts';
import {
  listExperts,
  openAssignedCounts,
  readDeskSettings,
  saveConversation,
  saveExpert,
  snoozedDue,
  waitingConversations,
  type DeskConversationRecord,
  type ExpertRecord,
} from './desk-store.ts';

/** The most conversations one pass looks at; the rest wait for the next pass. */
const PASS_LIMIT = 5_000;

export interface RoutingResult {
  readonly assigned: number;
  readonly waiting: number;
}

/** What routing sees of an expert: away by choice, offline when no feed connection within the grace. */
export function routedExpert(
  expert: ExpertRecord,
  openAssigned: number,
  now: number,
  settings: TeamDeskSettings,
): RoutedExpert {
  const online =
    expert.lastSeenAt !== null && now - expert.lastSeenAt <= settings.offlineGraceMinutes * 60_000;
  return {
    id: expert.memberId,
    skills: expert.profile.skills,
    availability: expert.availability === 'away' ? 'away' : online ? 'available' : 'offline',
    hours: { timeZone: expert.profile.timeZone, week: expert.profile.week, holidays: [] },
    outOfOffice: expert.profile.outOfOffice,
    capacity: expert.profile.capacity,
    openAssigned,
    lastAssignedAt: expert.lastAssignedAt,
    recentAssignments: expert.recentAssignments,
  };
}

export async function routePass(tx: SqlExecutor, now: number): Promise<RoutingResult> {
  const { settings } = await readDeskSettings(tx);
  const desk = settings.desk as DeskSettings;
  const save = (record: DeskConversationRecord, event: string, detail: unknown) =>
    saveConversation(tx, record, {
      event,
      detail,
      actorId: null,
      at: now,
      policy: desk.sla,
      eventId: ulid(now),
    });

  for (const snoozed of await snoozedDue(tx, now, PASS_LIMIT)) {
    const life = wakeIfDue(snoozed.life, now);
    const woken = { ...snoozed, life, version: snoozed.version + 1 };
    await save({ ...woken, waitingSince: queueState(life, null, now, false) }, 'woke', null);
  }

  const records = await listExperts(tx);
  const open = await openAssignedCounts(tx);
  const experts = records.map((e) => routedExpert(e, open.get(e.memberId) ?? 0, now, settings));
  const queue: Inquiry[] = [];
  const byId = new Map<string, DeskConversationRecord>();
  for (const waiting of await waitingConversations(tx, PASS_LIMIT)) {
    let record = waiting;
    if (record.life.ownerId !== null) {
      // Reopened: back to its owner if they can take work now, otherwise routed again like a new one.
      if (ownerOnReopen(record.life.ownerId, experts, now) !== null) {
        await save({ ...record, waitingSince: null, version: record.version + 1 }, 'kept_by_owner', null);
        continue;
      }
      const life = applyAction(record.life, { kind: 'unassign' }, now);
      record = { ...record, life, version: record.version + 1 };
      await save(record, 'unassigned', { reason: 'owner_unavailable', ownerId: waiting.life.ownerId });
    }
    byId.set(record.id, record);
    queue.push({
      id: record.id,
      text: record.inboundText,
      lang: record.lang,
      network: record.network,
      brandAccountId: record.accountId,
      priority: record.priority,
      createdAt: record.waitingSince ?? record.createdAt,
    });
  }
  if (queue.length === 0) return { assigned: 0, waiting: 0 };

  const drained = drainByAccess(queue, experts, await accessByAccount(tx, records), desk, now, settings);
  for (const { inquiryId, expertId } of drained.assignments) {
    const record = byId.get(inquiryId)!;
    const life = applyAction(record.life, { kind: 'assign', ownerId: expertId }, now);
    await save({ ...record, life, waitingSince: null, version: record.version + 1 }, 'assigned', {
      memberId: expertId,
      by: 'routing',
    });
  }
  const given = new Set(drained.assignments.map((a) => a.expertId));
  for (const after of drained.experts) {
    if (!given.has(after.id)) continue;
    const record = records.find((r) => r.memberId === after.id)!;
    const updated = {
      ...record,
      lastAssignedAt: after.lastAssignedAt,
      recentAssignments: after.recentAssignments,
      version: record.version + 1,
    };
    await saveExpert(tx, updated, null, now);
  }
  return { assigned: drained.assignments.length, waiting: queue.length - drained.assignments.length };
}

/** Per brand account, the experts who may reply as it: admins and owners all, others by their access row. */
async function accessByAccount(
  tx: SqlExecutor,
  experts: readonly ExpertRecord[],
): Promise<Map<string, Set<string>>> {
  const admins = experts.filter((e) => e.role === 'owner' || e.role === 'admin').map((e) => e.memberId);
  const accounts = await tx.all('SELECT id FROM brand_accounts WHERE removed_at IS NULL');
  const access = new Map(accounts.map((row) => [String(row['id']), new Set(admins)]));
  const rows = await tx.all(
    "SELECT account_id, member_id FROM brand_access WHERE access IN ('reply', 'publish')",
  );
  for (const row of rows) access.get(String(row['account_id']))?.add(String(row['member_id']));
  return access;
}

/**
 * drainQueue in queue order, one inquiry at a time among the experts who may answer for its brand account
 * (a viewer of the account could not reply), carrying each expert's load from one inquiry to the next.
 */
function drainByAccess(
  queue: readonly Inquiry[],
  experts: readonly RoutedExpert[],
  access: ReadonlyMap<string, ReadonlySet<string>>,
  desk: DeskSettings,
  now: number,
  config: TeamDeskSettings,
): { assignments: Assignment[]; experts: RoutedExpert[] } {
  const current = new Map(experts.map((e) => [e.id, e]));
  // Who can take work at all is the same for the whole pass: checked once, not per inquiry.
  const ready = new Set(experts.filter((e) => unavailability(e, now) === null).map((e) => e.id));
  const hasRoom = (e: RoutedExpert) => ready.has(e.id) && e.openAssigned < e.capacity;
  const assignments: Assignment[] = [];
  for (const inquiry of [...queue].sort(byPriority)) {
    if (![...current.values()].some(hasRoom)) break;
    const allowed = access.get(inquiry.brandAccountId) ?? new Set<string>();
    const candidates = [...current.values()].filter((e) => hasRoom(e) && allowed.has(e.id));
    const drained = drainQueue([inquiry], candidates, desk.skills, now, config);
    const [assignment] = drained.assignments;
    if (!assignment) continue;
    assignments.push(assignment);
    current.set(
      assignment.expertId,
      drained.experts.find((e) => e.id === assignment.expertId)!,
    );
  }
  return { assignments, experts: [...current.values()] };
}
