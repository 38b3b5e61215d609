// What brand protection reads of the signed-in account itself: the repository's latest revision (one cheap
// call that changes on every write to the account, so an unchanged revision means nothing to compare) and
// the profile fields people recognise the account by.
import type { AtpAgent } from '@atproto/api';
import type { ProfileState } from '../../../src-shared/protection/profile-diff.ts';

export async function readRepoRevision(agent: AtpAgent, did: string): Promise<string> {
  const { data } = await agent.com.atproto.sync.getLatestCommit({ did });
  return `${data.rev}:${data.cid}`;
}

export async function readOwnProfile(agent: AtpAgent, did: string): Promise<ProfileState> {
  const { data } = await agent.app.bsky.actor.getProfile({ actor: did });
  return {
    displayName: data.displayName ?? '',
    // The avatar URL names the image by its content id, so a new image is a new URL.
    avatar: data.avatar ?? null,
    description: data.description ?? '',
  };
}
