// The inquiry desk's team methods this server answers for reading, routing and shaping the desk; the team
// server spreads them beside the methods that work conversations (desk-team-handlers.ts).
import type { TeamHandlers } from '../handlers/context.ts';
import { deskConversationHandlers } from './desk-conversation-handlers.ts';
import { deskExpertHandlers } from './desk-expert-handlers.ts';

export const deskCoreHandlers = {
  ...deskConversationHandlers,
  ...deskExpertHandlers,
} satisfies Partial<TeamHandlers>;
