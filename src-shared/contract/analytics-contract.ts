// The analytics part of the contract: an account's audience as its network reports it now (one read per
// account and day, within the network's rate budget), and the engagement main already keeps for the
// account's sent posts (the counts best-time suggestions read).
import { z } from '../zod.ts';

const Id = z.string().min(1).max(64);

export const AccountSnapshotSchema = z.object({
  accountId: Id,
  network: z.enum(['bluesky', 'mastodon']),
  followers: z.number().int().nonnegative(),
  following: z.number().int().nonnegative(),
  posts: z.number().int().nonnegative(),
  takenAt: z.string(),
});
export type AccountSnapshot = z.infer<typeof AccountSnapshotSchema>;

export const PostPerformanceSchema = z.object({
  jobId: z.string(),
  accountId: Id,
  network: z.enum(['bluesky', 'mastodon']),
  remoteId: z.string(),
  sentAt: z.string(),
  text: z.string(),
  campaign: z.string().nullable(),
  /** Likes + reposts + replies (+ quotes on Bluesky) at the last read; null when the post was gone. */
  engagement: z.number().int().nonnegative().nullable(),
  readAt: z.string(),
  /** Short links Roost made that the post's text carries, with the clicks last counted (null: never). */
  shortLinks: z
    .array(z.object({ code: z.string().min(1).max(128), clicks: z.number().int().nonnegative().nullable() }))
    .max(25),
});
export type PostPerformance = z.infer<typeof PostPerformanceSchema>;

export const analyticsRequests = {
  'analytics:snapshot': {
    input: z.object({ accountId: Id }).strict(),
    output: AccountSnapshotSchema,
  },
  'analytics:postPerformance': {
    input: z.object({ accountId: Id, since: z.iso.datetime() }).strict(),
    output: z.array(PostPerformanceSchema),
  },
} as const;
