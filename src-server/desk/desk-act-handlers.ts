// Moving conversations by hand: claim, unassign, pending, snooze, resolve, reopen, or assign to a named member.
// One conversation names the version the member saw, so two experts acting at once cannot both win; a bulk
// move acts on what each conversation is now and reports the ones that cannot move. The moves themselves are
// the desk's rules (conversation.ts); the clocks follow as in the embedded desk (desk-state.ts).
import { ulid } from 'ulid';
import {
  applyAction,
  DeskTransitionError,
  type ConversationLife,
  type DeskAction,
} from '../../src-shared/desk/conversation.ts';
import type { TeamConversation, TeamDeskAction } from '../../src-shared/desk/desk-team-contract.ts';
import { startClock, tierFor } from '../../src-shared/desk/sla.ts';
import { TeamFailure } from '../../src-shared/team/team-contract.ts';
import { clocksFor } from '../../src-main/desk/desk-state.ts';
import {
  requireCaller,
  type Caller,
  type CallContext,
  type ServerDeps,
  type TeamHandlers,
} from '../handlers/context.ts';
import { saveConversation, type DeskConversationRecord } from './desk-store.ts';
import { activeMembers, deskPolicy, requestRouting, visibleConversation } from './desk-work-access.ts';

const LEADS: ReadonlySet<Caller['role']> = new Set(['owner', 'admin', 'lead']);

/** The contract's action in the rules' words; assigning to someone else is for leads and admins. */
async function toRule(ctx: CallContext, caller: Caller, action: TeamDeskAction): Promise<DeskAction> {
  switch (action.kind) {
    case 'claim':
      return { kind: 'assign', ownerId: caller.memberId };
    case 'assign': {
      if (action.memberId !== caller.memberId && !LEADS.has(caller.role)) {
        throw new TeamFailure('forbidden', 'Only leads and admins assign conversations to someone else');
      }
      if (!(await activeMembers(ctx, [action.memberId])).has(action.memberId)) {
        throw new TeamFailure('invalid_input', 'That member is not on the team');
      }
      return { kind: 'assign', ownerId: action.memberId };
    }
    case 'snooze':
      return { kind: 'snooze', until: action.until };
    default:
      return { kind: action.kind };
  }
}

/** Conversations nobody owns and that wait for an expert sit in the routing's holding queue. */
function waitingSince(life: ConversationLife, before: DeskConversationRecord, now: number): number | null {
  return life.state === 'new' && life.ownerId === null ? (before.waitingSince ?? now) : null;
}

/** Applies one action to one conversation (already checked visible) and saves it with its change and audit. */
async function move(
  ctx: CallContext,
  deps: ServerDeps,
  caller: Caller,
  record: DeskConversationRecord,
  action: TeamDeskAction,
): Promise<TeamConversation> {
  const rule = await toRule(ctx, caller, action);
  let life: ConversationLife;
  try {
    life = applyAction(record.life, rule, ctx.now);
  } catch (error) {
    if (error instanceof DeskTransitionError) throw new TeamFailure('invalid_input', `This ${error.message}`);
    throw error;
  }
  const policy = await deskPolicy(ctx.db);
  let clocks = clocksFor(record.life, life, record.clocks, ctx.now, policy);
  // A reopened conversation starts a fresh resolution clock, as in the embedded desk.
  if (rule.kind === 'reopen') clocks = [startClock('resolution', tierFor(policy, record.priority), ctx.now)];
  const next: DeskConversationRecord = {
    ...record,
    life,
    clocks,
    waitingSince: waitingSince(life, record, ctx.now),
    version: record.version + 1,
  };
  const summary = await saveConversation(ctx.db, next, {
    event: action.kind,
    detail: action,
    actorId: caller.memberId,
    at: ctx.now,
    policy,
    eventId: ulid(ctx.now),
  });
  await ctx.audit({
    action: 'conversations:act',
    target: record.id,
    before: { life: record.life, version: record.version },
    after: { life, version: next.version, action },
  });
  // An owner losing an open conversation frees capacity; an unowned one waits: either way routing runs.
  const freed =
    record.life.ownerId !== null && (life.ownerId !== record.life.ownerId || life.state !== 'open');
  ctx.afterCommit(() => {
    deps.feed.wake();
    if (freed || next.waitingSince !== null) requestRouting(deps);
  });
  return summary;
}

export const deskActHandlers: Pick<TeamHandlers, 'conversations:act' | 'conversations:bulkAct'> = {
  async 'conversations:act'(input, ctx, deps) {
    const caller = requireCaller(ctx);
    const record = await visibleConversation(ctx, caller, input.id, 'work');
    if (record.version !== input.version) {
      throw new TeamFailure(
        'conflict',
        'This conversation changed since you opened it; look again and retry',
      );
    }
    return move(ctx, deps, caller, record, input.action);
  },

  async 'conversations:bulkAct'(input, ctx, deps) {
    const caller = requireCaller(ctx);
    const moved: TeamConversation[] = [];
    const refused: { id: string; reason: string }[] = [];
    for (const id of new Set(input.ids)) {
      try {
        const record = await visibleConversation(ctx, caller, id, 'work');
        moved.push(await move(ctx, deps, caller, record, input.action));
      } catch (error) {
        // Each refusal happens before that conversation's write, so the others still move.
        if (!(error instanceof TeamFailure)) throw error;
        refused.push({ id, reason: error.message });
      }
    }
    return { moved, refused };
  },
};
