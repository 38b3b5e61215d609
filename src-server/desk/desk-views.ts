// Which conversations each of the team's views lists for a member, among the brand accounts they may see:
// the stored states narrow the read, the SLA state (computed now) narrows `breaching`.
import type { ConversationState } from '../../src-shared/desk/conversation.ts';
import type { DeskSettings } from '../../src-shared/desk/desk-settings.ts';
import type { TeamConversation, TeamDeskView } from '../../src-shared/desk/desk-team-contract.ts';
import { bySlaAndPriority } from '../../src-main/desk/desk-state.ts';
import type { Caller } from '../handlers/context.ts';
import type { SqlExecutor } from '../storage/sql-engine.ts';
import { listConversations, readDeskSettings, teamSummary, type ConversationFilter } from './desk-store.ts';

const OPEN: ConversationState[] = ['new', 'open', 'pending', 'snoozed'];
/** Most conversations a view reads before filtering (the contract's own limit). */
export const VIEW_READ_LIMIT = 20_000;

function filterOf(view: TeamDeskView, memberId: string): Omit<ConversationFilter, 'limit' | 'accountIds'> {
  switch (view) {
    case 'mine':
      return { states: ['new', 'open'], ownerId: memberId };
    case 'unassigned':
      return { states: ['new'], ownerId: null };
    case 'team':
      return { states: OPEN };
    case 'pending':
      return { states: ['pending'] };
    case 'snoozed':
      return { states: ['snoozed'] };
    case 'resolved':
      return { states: ['resolved'] };
    case 'breaching':
      return { states: OPEN };
  }
}

export const isAdmin = (caller: Caller) => caller.role === 'owner' || caller.role === 'admin';

/** The brand accounts whose conversations the caller may see: all for admins, else their access rows. */
export async function visibleAccounts(db: SqlExecutor, caller: Caller): Promise<string[]> {
  const rows = isAdmin(caller)
    ? await db.all('SELECT id FROM brand_accounts WHERE removed_at IS NULL')
    : await db.all(
        `SELECT a.id FROM brand_accounts a JOIN brand_access x ON x.account_id = a.id
          WHERE a.removed_at IS NULL AND x.member_id = ?`,
        [caller.memberId],
      );
  return rows.map((row) => String(row['id']));
}

export async function listView(
  db: SqlExecutor,
  caller: Caller,
  view: TeamDeskView,
  now: number,
  limit: number,
): Promise<TeamConversation[]> {
  const accountIds = await visibleAccounts(db, caller);
  const policy = ((await readDeskSettings(db)).settings.desk as DeskSettings).sla;
  const records = await listConversations(db, {
    ...filterOf(view, caller.memberId),
    accountIds,
    limit: view === 'breaching' ? VIEW_READ_LIMIT : limit,
  });
  const summaries: TeamConversation[] = [];
  for (const record of records) summaries.push(await teamSummary(db, record, now, policy));
  const shown =
    view === 'breaching'
      ? summaries.filter((s) => s.sla?.state === 'breached' || s.sla?.state === 'at_risk')
      : summaries;
  return shown.sort(bySlaAndPriority).slice(0, limit);
}
