// Experts and the desk's settings on the team server. Leads and admins set an expert's skills, capacity and
// hours and shape the desk; a member sets their own availability (away with one of the configured reasons).
// Each change is audited and followed by a routing pass: it may free or need an expert.
import type { Expert, TeamDeskSettings } from '../../src-shared/desk/desk-team-contract.ts';
import type { DeskSettings } from '../../src-shared/desk/desk-settings.ts';
import { checkDeskSettings } from '../../src-shared/desk/settings-check.ts';
import { TeamFailure } from '../../src-shared/team/team-contract.ts';
import { requireCaller, type CallContext, type ServerDeps, type TeamHandlers } from '../handlers/context.ts';
import { routedExpert } from './desk-routing.ts';
import {
  DEFAULT_EXPERT_PROFILE,
  EXPERT_ROLES,
  findExpert,
  listExperts,
  openAssignedCounts,
  readDeskSettings,
  saveDeskSettings,
  saveExpert,
  type ExpertRecord,
} from './desk-store.ts';

async function shown(ctx: CallContext, records: readonly ExpertRecord[]): Promise<Expert[]> {
  const { settings } = await readDeskSettings(ctx.db);
  const open = await openAssignedCounts(ctx.db);
  return records.map((record) => {
    const openAssigned = open.get(record.memberId) ?? 0;
    return {
      ...record.profile,
      memberId: record.memberId,
      displayName: record.displayName,
      availability: routedExpert(record, openAssigned, ctx.now, settings).availability,
      awayReason: record.awayReason,
      openAssigned,
      lastAssignedAt: record.lastAssignedAt,
    };
  });
}

/** The member's expert row, made with the default profile the first time; refused for non-experts. */
async function expertRow(ctx: CallContext, memberId: string): Promise<ExpertRecord> {
  const found = await findExpert(ctx.db, memberId);
  if (found) return found;
  const member = await ctx.db.get(
    'SELECT display_name, role FROM members WHERE id = ? AND revoked_at IS NULL',
    [memberId],
  );
  if (!member) throw new TeamFailure('not_found', 'Member not found');
  const role = String(member['role']);
  if (!(EXPERT_ROLES as readonly string[]).includes(role)) {
    throw new TeamFailure('invalid_input', `A ${role} cannot take conversations`);
  }
  return {
    memberId,
    displayName: String(member['display_name']),
    role,
    profile: DEFAULT_EXPERT_PROFILE,
    availability: 'away',
    awayReason: null,
    lastAssignedAt: null,
    recentAssignments: [],
    lastSeenAt: null,
    version: 0,
  };
}

async function saveAndShow(
  ctx: CallContext,
  deps: ServerDeps,
  before: ExpertRecord,
  after: ExpertRecord,
  action: string,
): Promise<Expert> {
  const caller = requireCaller(ctx);
  const saved = { ...after, version: before.version + 1 };
  await saveExpert(ctx.db, saved, caller.memberId, ctx.now);
  await ctx.audit({
    action,
    target: saved.memberId,
    before: before.version === 0 ? null : { profile: before.profile, availability: before.availability },
    after: { profile: saved.profile, availability: saved.availability, awayReason: saved.awayReason },
  });
  ctx.afterCommit(() => {
    deps.feed.wake();
    deps.desk.requestRouting();
  });
  return (await shown(ctx, [saved]))[0]!;
}

function settingsIssues(settings: TeamDeskSettings, accountIds: ReadonlySet<string>) {
  const issues = checkDeskSettings(settings.desk as DeskSettings, accountIds).map((i) => ({
    ...i,
    path: `desk.${i.path}`,
  }));
  const reasons = settings.awayReasons.map((r) => r.toLowerCase());
  reasons.forEach((reason, i) => {
    if (reasons.indexOf(reason) !== i)
      issues.push({ path: `awayReasons.${i}`, message: 'This reason is listed twice.' });
  });
  return issues;
}

export const deskExpertHandlers: Pick<
  TeamHandlers,
  'experts:list' | 'experts:update' | 'experts:setAvailability' | 'deskSettings:get' | 'deskSettings:update'
> = {
  async 'experts:list'(_input, ctx) {
    return shown(ctx, await listExperts(ctx.db));
  },

  async 'experts:update'(input, ctx, deps) {
    const before = await expertRow(ctx, input.memberId);
    return saveAndShow(ctx, deps, before, { ...before, profile: input.profile }, 'experts:update');
  },

  async 'experts:setAvailability'(input, ctx, deps) {
    const caller = requireCaller(ctx);
    const before = await expertRow(ctx, caller.memberId);
    let awayReason: string | null = null;
    if (input.availability === 'away') {
      const { settings } = await readDeskSettings(ctx.db);
      awayReason = settings.awayReasons.find((r) => r === input.awayReason) ?? null;
      if (awayReason === null) {
        throw new TeamFailure('invalid_input', 'Choose one of the desk’s away reasons', {
          issues: [
            { path: 'awayReason', message: `One of: ${settings.awayReasons.join(', ') || '(none set)'}` },
          ],
        });
      }
    }
    const after = { ...before, availability: input.availability, awayReason };
    return saveAndShow(ctx, deps, before, after, 'experts:setAvailability');
  },

  async 'deskSettings:get'(_input, ctx) {
    return (await readDeskSettings(ctx.db)).settings;
  },

  async 'deskSettings:update'(input, ctx, deps) {
    const caller = requireCaller(ctx);
    const accounts = await ctx.db.all('SELECT id FROM brand_accounts WHERE removed_at IS NULL');
    const issues = settingsIssues(input, new Set(accounts.map((row) => String(row['id']))));
    if (issues.length > 0) {
      throw new TeamFailure('invalid_input', issues[0]!.message, { issues });
    }
    const before = await readDeskSettings(ctx.db);
    await saveDeskSettings(ctx.db, input, caller.memberId, ctx.now);
    await ctx.audit({ action: 'deskSettings:update', target: 'desk', before: before.settings, after: input });
    ctx.afterCommit(() => {
      deps.feed.wake();
      deps.desk.requestRouting();
    });
    return input;
  },
};
