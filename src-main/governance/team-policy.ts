// The team's publishing policy on this desktop: read from the team cache the feed fills (so guards work
// offline), fetched and saved through the team server, and laid over the person's own policy for the guards.
import type { GovernancePolicy } from '../../src-shared/contract/governance-contract.ts';
import {
  TEAM_POLICY_ID,
  TeamGovernanceSchema,
  type TeamGovernance,
} from '../../src-shared/governance/governance-team-contract.ts';
import type { TeamRole } from '../../src-shared/team/team-contract.ts';
import type { PublishingSettings } from '../publishing/publishing-settings.ts';
import type { TeamCache } from '../team/team-cache.ts';

export interface TeamPolicyPort {
  /** This desktop's role in its team; null when it is in none (or was revoked). */
  role(): TeamRole | null;
  /** The policy as the feed last brought it; null before the team's first save reached this desktop. */
  cached(): TeamGovernance | null;
  fetch(): Promise<TeamGovernance>;
  update(policy: GovernancePolicy, version: number): Promise<TeamGovernance>;
}

export function cachedTeamPolicy(cache: TeamCache | null): TeamGovernance | null {
  const record = cache?.records('governancePolicy').find((r) => r.id === TEAM_POLICY_ID);
  if (!record) return null;
  // The cache holds what the server sent; a record that does not parse is ignored rather than enforced.
  const parsed = TeamGovernanceSchema.safeParse(record.data);
  return parsed.success ? parsed.data : null;
}

export function isPolicyAdmin(role: TeamRole | null): boolean {
  return role === 'owner' || role === 'admin';
}

/**
 * The person's settings with the team's policy laid over: domains and terms of both, the team's guard levels
 * and quiet hours winning where both set one, so a member's own file cannot relax what the team decided.
 */
export function withTeamPolicy(
  settings: PublishingSettings,
  team: GovernancePolicy | null,
): PublishingSettings {
  if (!team) return settings;
  return {
    ...settings,
    orgDomains: [...new Set([...settings.orgDomains, ...team.orgDomains])],
    blockedTerms: [...new Set([...settings.blockedTerms, ...team.blockedTerms])],
    quietHours: { ...settings.quietHours, ...team.quietHours },
    levels: { ...settings.levels, ...team.levels },
  };
}
