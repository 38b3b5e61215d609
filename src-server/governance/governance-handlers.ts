// governance:get and governance:update on the team server. An update is checked with the desktop's own rules
// (policy-check.ts), refused whole on any bad entry, versioned, put on the feed and recorded in the audit log
// with the policy before and after.
import { RoostError } from '../../src-shared/contract/errors.ts';
import { TEAM_POLICY_ID } from '../../src-shared/governance/governance-team-contract.ts';
import { TeamFailure } from '../../src-shared/team/team-contract.ts';
import { cleanPolicy } from '../../src-main/governance/policy-check.ts';
import { requireCaller, type TeamHandlers } from '../handlers/context.ts';
import { appendChange } from '../storage/change-log.ts';
import { readTeamPolicy, writeTeamPolicy } from './governance-store.ts';

type GovernanceMethod = 'governance:get' | 'governance:update';

function checked(policy: Parameters<typeof cleanPolicy>[0]): ReturnType<typeof cleanPolicy> {
  try {
    return cleanPolicy(policy);
  } catch (error) {
    if (!(error instanceof RoostError)) throw error;
    throw new TeamFailure('invalid_input', error.message, { issues: error.issues ?? [] });
  }
}

export const governanceHandlers: Pick<TeamHandlers, GovernanceMethod> = {
  async 'governance:get'(_input, ctx) {
    return readTeamPolicy(ctx.db);
  },

  async 'governance:update'(input, ctx, deps) {
    const caller = requireCaller(ctx);
    const policy = checked(input.policy);
    const before = await readTeamPolicy(ctx.db);
    if (before.version !== input.version) {
      throw new TeamFailure(
        'conflict',
        `The policy changed since version ${input.version} (now ${before.version}); reload it and edit again.`,
      );
    }
    const version = before.version + 1;
    await writeTeamPolicy(ctx.db, policy, version, caller.memberId, ctx.now);
    const after = { policy, version, updatedBy: caller.memberId, updatedAt: ctx.now };
    await appendChange(ctx.db, {
      at: ctx.now,
      actorId: caller.memberId,
      entity: 'governancePolicy',
      entityId: TEAM_POLICY_ID,
      version,
      data: after,
    });
    await ctx.audit({
      action: 'governance:update',
      target: TEAM_POLICY_ID,
      before: before.policy,
      after: policy,
    });
    ctx.afterCommit(() => deps.feed.wake());
    return after;
  },
};
