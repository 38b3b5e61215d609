// The team's publishing policy on this desktop, as governance sees it: a port onto the team module (which
// reads the copy the feed brought and calls the server), and the policy laid over the person's own for guards.
import type { GovernancePolicy } from '../../src-shared/contract/governance-contract.ts';
import type { TeamGovernance } from '../../src-shared/governance/governance-team-contract.ts';
import type { TeamRole } from '../../src-shared/team/team-contract.ts';
import type { PublishingSettings } from '../publishing/publishing-settings.ts';

export interface TeamPolicyPort {
  /** This desktop's role in its team; null when it is in none (or was revoked). */
  role(): TeamRole | null;
  /** The policy as the feed last brought it; null before the team's first save reached this desktop. */
  cached(): TeamGovernance | null;
  fetch(): Promise<TeamGovernance>;
  update(policy: GovernancePolicy, version: number): Promise<TeamGovernance>;
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
