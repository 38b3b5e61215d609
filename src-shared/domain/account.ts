import { z } from '../zod.ts';

export const NETWORKS = ['bluesky', 'mastodon', 'rss'] as const;
export const NetworkSchema = z.enum(NETWORKS);
export type Network = z.infer<typeof NetworkSchema>;

/** Why an account may not be usable right now; the UI shows a matching message and action. */
export const AccountStatusSchema = z.enum([
  'active',
  'needs_sign_in',
  'keychain_locked',
  'keychain_unavailable',
]);
export type AccountStatus = z.infer<typeof AccountStatusSchema>;

/** An account as the renderer sees it: never a secret, only what is safe to display. */
export const AccountSchema = z.object({
  id: z.string().min(1).max(64),
  network: NetworkSchema,
  /** Base URL of the server (PDS for Bluesky, instance for Mastodon). */
  service: z.string().max(2048),
  /** Stable network identity: a DID for Bluesky, an account URI for Mastodon. */
  remoteId: z.string().max(2048),
  handle: z.string().max(512),
  displayName: z.string().max(1024),
  avatarUrl: z.string().max(4096).nullable(),
  status: AccountStatusSchema,
  /** Brand accounts need typed confirmation before publishing. */
  protected: z.boolean(),
  createdAt: z.string(),
});
export type Account = z.infer<typeof AccountSchema>;
