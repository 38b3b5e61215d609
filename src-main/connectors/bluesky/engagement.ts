// Current engagement of the account's own posts, for best-time suggestions: one getPosts call per 25 URIs.
import type { AtpAgent } from '@atproto/api';
import { postViews } from './fetch-columns.ts';
import type { PostView } from './schemas.ts';
import type { EngagementRead } from '../publisher.ts';

export function interactions(view: PostView): number {
  return (view.likeCount ?? 0) + (view.repostCount ?? 0) + (view.replyCount ?? 0) + (view.quoteCount ?? 0);
}

export async function readEngagement(
  agent: AtpAgent,
  uris: readonly string[],
  signal?: AbortSignal,
): Promise<EngagementRead> {
  const unique = [...new Set(uris)];
  const views = await postViews(agent, unique, signal);
  const counts = new Map<string, number>();
  const absent: string[] = [];
  for (const uri of unique) {
    const view = views.get(uri);
    if (view) counts.set(uri, interactions(view));
    else absent.push(uri);
  }
  return { counts, absent };
}
