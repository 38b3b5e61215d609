// The change feed: every change to team state has the next number of one ordered sequence. A desktop
// subscribes with the last number it applied (`?after=N`) and receives the ordered tail, then live changes.
import { z } from '../zod.ts';
import { PresenceSchema } from '../desk/desk-team-contract.ts';

export const ChangeSchema = z.object({
  seq: z.number().int().positive(),
  at: z.number().int().nonnegative(),
  /** The member whose request made the change; null for the system (e.g. the owner invitation at first start). */
  actorId: z.string().nullable(),
  entity: z.enum([
    'member',
    'device',
    'invitation',
    'note',
    'brandAccount',
    'brandAccess',
    'brandItem',
    'brandPost',
    'approval',
    'approvalPolicy',
    // The inquiry desk (desk-team-contract.ts): a conversation's summary, a note, an expert, the settings.
    'conversation',
    'deskNote',
    'expert',
    'deskSettings',
    'savedReply',
    // The team's publishing policy (one record, everyone reads it).
    'governancePolicy',
  ]),
  entityId: z.string(),
  /** The record's version after this change, for optimistic updates. */
  version: z.number().int().positive(),
  data: z.record(z.string(), z.unknown()),
});
export type TeamChange = z.infer<typeof ChangeSchema>;

export const FeedFrameSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('change'), change: ChangeSchema }),
  /** Sent once the tail is delivered: everything up to `seq` has been sent, live changes follow. */
  z.object({ kind: z.literal('caught_up'), seq: z.number().int().nonnegative() }),
  /** Who is viewing or replying to a conversation: not numbered, not stored, only sent while it happens. */
  z.object({ kind: z.literal('presence'), presence: PresenceSchema }),
  /** Sent just before the server closes the socket because the member or device was revoked. */
  z.object({ kind: z.literal('revoked'), scope: z.enum(['member', 'device']) }),
]);
export type FeedFrame = z.infer<typeof FeedFrameSchema>;

/** WebSocket close codes the server uses (4000–4999 are free for applications). */
export const FEED_CLOSE = {
  unauthenticated: 4401,
  revoked: 4403,
  sessionExpired: 4408,
  /** The member's role changed: reconnect (from the cursor) to be sent what the new role may see. */
  roleChanged: 4409,
  shuttingDown: 4503,
} as const;
