// The inquiry desk's team methods: desk-core's (lists, settings, experts) and desk-work's (acting on
// conversations, notes, replies, presence, saved replies). A method neither provides is refused.
import { TeamFailure } from '../../src-shared/team/team-contract.ts';
import { deskTeamRequests } from '../../src-shared/desk/desk-team-contract.ts';
import type { TeamHandlers } from '../handlers/context.ts';
import { deskWorkHandlers } from './desk-work-handlers.ts';

type DeskMethod = keyof typeof deskTeamRequests;
const refuse = async (): Promise<never> => {
  throw new TeamFailure('unknown_method', 'The inquiry desk is not available on this server yet');
};
export const deskTeamHandlers = {
  ...(Object.fromEntries(Object.keys(deskTeamRequests).map((method) => [method, refuse])) as unknown as Pick<
    TeamHandlers,
    DeskMethod
  >),
  ...deskWorkHandlers,
};
