// Brand protection's part of the contract: hijack alerts (something posted, deleted or changed on a connected
// account that did not come through Roost), listed and acknowledged ("This was us"). Impostor and link flags
// travel on stream items themselves (StreamItem.flags), so they need no method here.
import { z } from '../zod.ts';
import { NetworkSchema } from '../domain/account.ts';
import { PROFILE_FIELDS } from '../protection/profile-diff.ts';

const Id = z.string().min(1).max(128);

export const HIJACK_KINDS = ['post', 'reply', 'repost', 'deletion', 'profile'] as const;

export const HijackAlertSchema = z.object({
  id: Id,
  accountId: z.string().max(64),
  network: NetworkSchema,
  /** The account's handle when the alert was raised, so the alert reads well after the account is gone. */
  handle: z.string().max(512),
  kind: z.enum(HIJACK_KINDS),
  /** The post, repost or deleted record; null for a profile change. */
  uri: z.string().max(2_048).nullable(),
  /** The post's text (first 300 characters), or the changed profile field's new value. */
  text: z.string().max(2_000),
  /** For a profile change: which field. */
  field: z.enum(PROFILE_FIELDS).nullable(),
  detectedAt: z.number(),
  acknowledgedAt: z.number().nullable(),
});
export type HijackAlert = z.infer<typeof HijackAlertSchema>;

export const protectionRequests = {
  /** Newest first; acknowledged ones only when asked for. */
  'protection:alerts': {
    input: z.object({ includeAcknowledged: z.boolean() }).strict(),
    output: z.array(HijackAlertSchema).max(500),
  },
  /** "This was us": the change was the team's own, made outside Roost. */
  'protection:acknowledge': {
    input: z.object({ id: Id }).strict(),
    output: HijackAlertSchema,
  },
  /** Checks every account now instead of waiting for the next interval. */
  'protection:check': {
    input: z.object({}).strict(),
    output: z.object({ checked: z.number().int().nonnegative(), raised: z.number().int().nonnegative() }),
  },
};

export const protectionEvents = {
  /** New alerts were raised; the renderer refreshes its list and raises a desktop notification. */
  'protection:alerts': z.object({ alerts: z.array(HijackAlertSchema).max(500) }),
};
