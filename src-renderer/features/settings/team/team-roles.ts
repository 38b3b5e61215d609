// Which roles a member may hand out, mirroring the server's rule so the screen offers only what it accepts
// (the server checks again): an owner any role, anyone else only roles below their own.
import { TEAM_ROLES, type TeamRole } from '../../../../src-shared/team/team-contract.ts';

export function grantableRoles(myRole: TeamRole): TeamRole[] {
  const rank = TEAM_ROLES.indexOf(myRole);
  return TEAM_ROLES.filter((_, index) => myRole === 'owner' || index > rank);
}
