// Reposts and deletions as the outbox makes them: a repost is written at a record key chosen before the first
// attempt (a retry finds it instead of reposting twice), and deleting a record that is already gone succeeds.
import { RoostError } from '../../../src-shared/contract/errors.ts';
import type { PostRef, PublishDeps } from './publish.ts';
import { GetRecordSchema, StrongRefAnswerSchema } from './schemas.ts';
import { isTid } from '../../../src-shared/atproto/tid.ts';

const REPOST_COLLECTION = 'app.bsky.feed.repost';

export interface RecordRef {
  readonly uri: string;
  readonly cid: string | null;
}

function isNotFound(error: unknown): boolean {
  const name = (error as { error?: unknown } | null)?.error;
  return name === 'RecordNotFound';
}

/** The account's repost at `rkey`, or null when there is none. */
export async function findRepostByRkey(deps: PublishDeps, rkey: string): Promise<RecordRef | null> {
  if (!isTid(rkey)) throw new RoostError('invalid_input', 'The record key must be a TID.');
  try {
    const answer = await deps.agent.com.atproto.repo.getRecord({
      repo: deps.did,
      collection: REPOST_COLLECTION,
      rkey,
    });
    const parsed = GetRecordSchema.safeParse(answer.data);
    if (!parsed.success) throw new RoostError('server_error', 'Bluesky sent a record Roost cannot read.');
    return { uri: parsed.data.uri, cid: parsed.data.cid ?? null };
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

export async function repostAt(deps: PublishDeps, subject: PostRef, rkey: string): Promise<RecordRef> {
  const existing = await findRepostByRkey(deps, rkey);
  if (existing) return existing;
  try {
    const answer = await deps.agent.com.atproto.repo.createRecord({
      repo: deps.did,
      collection: REPOST_COLLECTION,
      rkey,
      record: {
        $type: REPOST_COLLECTION,
        subject: { uri: subject.uri, cid: subject.cid },
        createdAt: new Date(deps.nowMs()).toISOString(),
      },
    });
    const ref = StrongRefAnswerSchema.safeParse(answer.data);
    if (!ref.success) throw new RoostError('server_error', 'Bluesky sent an answer Roost cannot read.');
    return { uri: ref.data.uri, cid: ref.data.cid };
  } catch (error) {
    // Two attempts racing for the same key: whichever lost finds the winner's repost.
    const raced = await findRepostByRkey(deps, rkey).catch(() => null);
    if (raced) return raced;
    throw error;
  }
}

/** Deletes one of the account's own records (a post or a repost); already gone counts as done. */
export async function deleteOwnRecord(deps: PublishDeps, uri: string): Promise<void> {
  const match = /^at:\/\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(uri);
  if (!match || match[1] !== deps.did) {
    throw new RoostError('forbidden', 'Only your own posts and reposts can be deleted.');
  }
  try {
    await deps.agent.com.atproto.repo.deleteRecord({
      repo: deps.did,
      collection: match[2] as string,
      rkey: match[3] as string,
    });
  } catch (error) {
    if (isNotFound(error)) return;
    throw error;
  }
}
