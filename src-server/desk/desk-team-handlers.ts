// The inquiry desk's team methods: the core (conversations read, experts, settings) and, until they are
// implemented, a refusal for the methods that work conversations.
import { TeamFailure } from '../../src-shared/team/team-contract.ts';
import { deskTeamRequests } from '../../src-shared/desk/desk-team-contract.ts';
import type { TeamHandlers } from '../handlers/context.ts';
import { deskCoreHandlers } from './desk-core-handlers.ts';

type DeskMethod = keyof typeof deskTeamRequests;
const refuse = async (): Promise<never> => {
  throw new TeamFailure('unknown_method', 'The inquiry desk is not available on this server yet');
};
const refused = Object.fromEntries(
  Object.keys(deskTeamRequests)
    .filter((method) => !(method in deskCoreHandlers))
    .map((method) => [method, refuse]),
);
export const deskTeamHandlers = { ...refused, ...deskCoreHandlers } as unknown as Pick<
  TeamHandlers,
  DeskMethod
>;
