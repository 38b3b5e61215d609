// The team desk's part of the renderer ↔ main contract (`teamDesk:*`): the Inbox of a desktop that joined a
// team works the team's desk on the server. Lists and counts are answered from this computer's team cache
// (fast, and still there offline); everything else is a call through main to the server's desk methods
// (desk-team-contract.ts), so the renderer never holds the session token or the device key.
import { z } from '../zod.ts';
import { SavedReplySchema } from './desk-contract.ts';
import { deskTeamRequests, PresenceSchema } from '../desk/desk-team-contract.ts';

const Id = z.string().min(1).max(128);
const Empty = z.object({}).strict();
const server = deskTeamRequests;

export const TEAM_NOTIFICATION_KINDS = ['assigned', 'mentioned'] as const;

/** What main asks the renderer to show as a desktop notification (already decided: only for this member). */
export const TeamDeskNotificationSchema = z.object({
  kind: z.enum(TEAM_NOTIFICATION_KINDS),
  conversationId: Id,
  /** The contact's handle for an assignment; the note's author for a mention. */
  who: z.string().max(1_000),
  excerpt: z.string().max(500),
});
export type TeamDeskNotification = z.infer<typeof TeamDeskNotificationSchema>;

export const teamInboxRequests = {
  /** From the team cache: the conversations the feed brought, in the server's views. */
  'teamDesk:list': server['conversations:list'],
  'teamDesk:counts': server['conversations:counts'],
  'teamDesk:conversation': server['conversations:get'],
  'teamDesk:act': server['conversations:act'],
  'teamDesk:bulkAct': server['conversations:bulkAct'],
  'teamDesk:addNote': server['conversations:addNote'],
  'teamDesk:changesSince': server['conversations:changesSince'],
  /** Goes out through the server's brand outbox, or comes back `held` by the collision guard. */
  'teamDesk:reply': server['conversations:reply'],
  'teamDesk:presence': server['conversations:presence'],
  'teamDesk:experts': server['experts:list'],
  'teamDesk:updateExpert': server['experts:update'],
  'teamDesk:setAvailability': server['experts:setAvailability'],
  'teamDesk:settings': server['deskSettings:get'],
  'teamDesk:updateSettings': server['deskSettings:update'],
  'teamDesk:savedReplies': { input: Empty, output: z.array(SavedReplySchema) },
  'teamDesk:saveReply': server['savedReplies:save'],
  'teamDesk:deleteReply': server['savedReplies:delete'],
  'teamDesk:useReply': server['savedReplies:use'],
} as const;

export const teamInboxEvents = {
  /** The feed changed these conversations in the team cache (lists and counts may be out of date). */
  'teamDesk:changed': z.object({ ids: z.array(Id).max(1_000) }),
  /** Someone is viewing or replying to a conversation (or stopped); forwarded from the feed as it comes. */
  'teamDesk:presence': PresenceSchema,
  'teamDesk:notification': TeamDeskNotificationSchema,
} as const;
