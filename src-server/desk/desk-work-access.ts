// What working a conversation needs first: the conversation, if the caller may see its brand account (one
// they cannot see is "not found", so its existence does not leak), and the desk's SLA policy of the moment.
import { TeamFailure } from '../../src-shared/team/team-contract.ts';
import { storedAccess } from '../brand/brand-records.ts';
import type { Caller, CallContext, ServerDeps } from '../handlers/context.ts';
import type { SqlExecutor } from '../storage/sql-engine.ts';
import type { SlaPolicy } from '../../src-shared/desk/sla.ts';
import { findConversation, readDeskSettings, type DeskConversationRecord } from './desk-store.ts';

const isAdmin = (caller: Caller) => caller.role === 'owner' || caller.role === 'admin';

/**
 * The conversation if the caller may see it (`see`) or work it (`work`: any access but view-only). Admins may
 * do everything with every brand account, as in brand-handlers.ts.
 */
export async function visibleConversation(
  ctx: CallContext,
  caller: Caller,
  id: string,
  need: 'see' | 'work' = 'see',
): Promise<DeskConversationRecord> {
  const record = await findConversation(ctx.db, id);
  if (!record) throw new TeamFailure('not_found', 'No such conversation');
  if (isAdmin(caller)) return record;
  const access = await storedAccess(ctx.db, record.accountId, caller.memberId);
  if (access === null) throw new TeamFailure('not_found', 'No such conversation');
  if (need === 'work' && access === 'view') {
    throw new TeamFailure('forbidden', 'You may only view the conversations of this brand account');
  }
  return record;
}

/** Active (not revoked) members among `ids`, with their display names. */
export async function activeMembers(ctx: CallContext, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await ctx.db.all(
    `SELECT id, display_name FROM members WHERE revoked_at IS NULL AND id IN (${ids.map(() => '?').join(', ')})`,
    [...ids],
  );
  return new Map(rows.map((row) => [String(row['id']), String(row['display_name'])]));
}

/** The desk's SLA policy now (a new desk's default until a lead saves settings). */
export async function deskPolicy(db: SqlExecutor): Promise<SlaPolicy> {
  return (await readDeskSettings(db)).settings.desk.sla;
}

/**
 * Capacity was freed or a conversation now waits: the routing pass (desk-core's) should run. Until it is
 * wired in, this hook does nothing — the routing's own timer picks such conversations up.
 */
export function requestRouting(_deps: ServerDeps): void {}
