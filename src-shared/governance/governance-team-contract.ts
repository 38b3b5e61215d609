// The team's publishing policy on the team server (spread into team-contract.ts's table): everyone reads it,
// admins replace it whole. The policy's shape is the desktop's (governance-contract.ts), so a team of one's
// policy exported as JSON is a team's policy as it stands, and the same guards read both.
import { z } from '../zod.ts';
import { GovernancePolicySchema } from '../contract/governance-contract.ts';

const Ulid = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'a ULID');
const Time = z.number().int().nonnegative();
/** 0 until an admin first saves the policy (the team then has the empty policy). */
const PolicyVersion = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

export const TeamGovernanceSchema = z.object({
  policy: GovernancePolicySchema,
  version: PolicyVersion,
  /** The admin who saved this version; null before the first save. */
  updatedBy: Ulid.nullable(),
  updatedAt: Time.nullable(),
});
export type TeamGovernance = z.infer<typeof TeamGovernanceSchema>;

/** The feed's one `governancePolicy` record: there is one policy per team. */
export const TEAM_POLICY_ID = 'team';

export const governanceTeamRequests = {
  'governance:get': { input: z.object({}).strict(), output: TeamGovernanceSchema },
  /**
   * Replaces the whole policy. `version` is the one the admin edited: a policy changed since by another
   * admin is not overwritten (`conflict`), so two admins editing at once cannot silently undo each other.
   */
  'governance:update': {
    input: z.object({ policy: GovernancePolicySchema, version: PolicyVersion }).strict(),
    output: TeamGovernanceSchema,
  },
} as const;

export const MUTATING_GOVERNANCE_METHODS = ['governance:update'] as const;
