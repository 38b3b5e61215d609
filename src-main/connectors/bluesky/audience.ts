// The account's own audience (followers, follows, posts) from app.bsky.actor.getProfile: one call.
import type { AtpAgent } from '@atproto/api';
import { RoostError } from '../../../src-shared/contract/errors.ts';
import { z } from '../../../src-shared/zod.ts';
import type { AudienceCounts } from '../connector.ts';

const ProfileCountsSchema = z.looseObject({
  followersCount: z.number().int().nonnegative().optional(),
  followsCount: z.number().int().nonnegative().optional(),
  postsCount: z.number().int().nonnegative().optional(),
});

export async function readBlueskyAudience(agent: AtpAgent, did: string): Promise<AudienceCounts> {
  const answer = await agent.app.bsky.actor.getProfile({ actor: did });
  const parsed = ProfileCountsSchema.safeParse(answer.data);
  if (!parsed.success) throw new RoostError('server_error', 'Bluesky sent a profile Roost cannot read.');
  return {
    followers: parsed.data.followersCount ?? 0,
    following: parsed.data.followsCount ?? 0,
    posts: parsed.data.postsCount ?? 0,
  };
}
