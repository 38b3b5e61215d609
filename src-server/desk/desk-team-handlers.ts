// The inquiry desk's team methods. Refused until the desk runs on this server.
import { TeamFailure } from '../../src-shared/team/team-contract.ts';
import { MUTATING_DESK_METHODS, deskTeamRequests } from '../../src-shared/desk/desk-team-contract.ts';
import type { TeamHandlers } from '../handlers/context.ts';

type DeskMethod = keyof typeof deskTeamRequests;
const refuse = async (): Promise<never> => {
  throw new TeamFailure('unknown_method', 'The inquiry desk is not available on this server yet');
};
void MUTATING_DESK_METHODS;
export const deskTeamHandlers = Object.fromEntries(
  Object.keys(deskTeamRequests).map((method) => [method, refuse]),
) as unknown as Pick<TeamHandlers, DeskMethod>;
