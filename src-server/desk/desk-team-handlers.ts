// The inquiry desk's team methods: the core (conversations read, experts, settings) and the work on
// conversations (actions, notes, replies, presence, saved replies). A method neither provides is refused.
import { TeamFailure } from '../../src-shared/team/team-contract.ts';
import { deskTeamRequests } from '../../src-shared/desk/desk-team-contract.ts';
import type { TeamHandlers } from '../handlers/context.ts';
import { deskCoreHandlers } from './desk-core-handlers.ts';
import { deskWorkHandlers } from './desk-work-handlers.ts';

type DeskMethod = keyof typeof deskTeamRequests;
const refuse = async (): Promise<never> => {
  throw new TeamFailure('unknown_method', 'The inquiry desk is not available on this server yet');
};
const provided = { ...deskCoreHandlers, ...deskWorkHandlers };
const refused = Object.fromEntries(
  Object.keys(deskTeamRequests)
    .filter((method) => !(method in provided))
    .map((method) => [method, refuse]),
);
export const deskTeamHandlers = { ...refused, ...provided } as unknown as Pick<TeamHandlers, DeskMethod>;
