// The team's publishing policy as the feed last brought it into this desktop's team cache: what the guards
// enforce while the team server cannot be reached.
import {
  TEAM_POLICY_ID,
  TeamGovernanceSchema,
  type TeamGovernance,
} from '../../src-shared/governance/governance-team-contract.ts';
import type { TeamCache } from './team-cache.ts';

export function cachedTeamPolicy(cache: TeamCache | null): TeamGovernance | null {
  const record = cache?.records('governancePolicy').find((r) => r.id === TEAM_POLICY_ID);
  if (!record) return null;
  // The cache holds what the server sent; a record that does not parse is ignored rather than enforced.
  const parsed = TeamGovernanceSchema.safeParse(record.data);
  return parsed.success ? parsed.data : null;
}
