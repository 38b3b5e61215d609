// The Bluesky connector: resumes a stored session (logins are rate-limited, sessions are reused), reads the
// column types Bluesky offers and likes items; its Publisher writes records at caller-chosen record keys.
import { AtpAgent } from '@atproto/api';
import type { AtpSessionData, AtpSessionEvent } from '@atproto/api';
import { RoostError } from '../../../src-shared/contract/errors.ts';
import type { Capabilities } from '../../../src-shared/domain/capabilities.ts';
import type { StreamItem } from '../../../src-shared/domain/stream-item.ts';
import type { ActionResult, Connector, ItemAction, Page, PageRequest } from '../connector.ts';
import { BLUESKY_CAPABILITIES } from './capabilities.ts';
import { toConnectorError } from './connector-errors.ts';
import { readEngagement } from './engagement.ts';
import type { AudienceCounts } from '../connector.ts';
import type { Publisher } from '../publisher.ts';
import { readBlueskyAudience } from './audience.ts';
import { fetchColumn, postViews } from './fetch-columns.ts';
import { parsePostUri } from '../../../src-shared/atproto/post-uri.ts';
import type { NormaliseContext } from './normalise-post.ts';
import { toPage } from './paging.ts';
import { findPostByRkey, publishPost } from './publish.ts';
import { resolveMentionDids, type MentionDids } from './mention-resolver.ts';
import type { PostRef, PublishDeps, PublishPostInput } from './publish.ts';
import { createBlueskyPublisher, type BlueskyRecords } from './bluesky-publisher.ts';
import { deleteOwnRecord, findRepostByRkey, repostAt } from './record-actions.ts';
import { ThreadAnswerSchema } from './schemas.ts';
import { flattenThread } from './thread.ts';
import { readOwnProfile, readRepoRevision } from './own-state.ts';
import type { ProfileState } from '../../../src-shared/protection/profile-diff.ts';

export interface BlueskySession {
  readonly accessJwt: string;
  readonly refreshJwt: string;
  readonly did: string;
  readonly handle: string;
}

export interface BlueskyConnectorOptions {
  /** The account's PDS (or entryway). */
  readonly service: string;
  readonly session: BlueskySession;
  /** New tokens after every refresh: store them, the old refresh token stops working soon after. */
  readonly onSessionUpdate: (session: BlueskySession) => void | Promise<void>;
  /** A failure to store refreshed tokens; without this hook it is ignored (the next start signs in again). */
  readonly onSessionUpdateError?: (error: unknown) => void;
  readonly fetch?: typeof globalThis.fetch;
  readonly now?: () => number;
  /** Web app that item links open in. */
  readonly webUrl?: string;
}

/** The reading interface, the Publisher, and the record-level calls the publisher is made of. */
export interface BlueskyConnector extends Connector, BlueskyRecords {
  readonly network: 'bluesky';
  readonly publisher: Publisher;
  /** The session tokens as they stand now (after any refresh). */
  currentSession(): BlueskySession | null;
  /** Handle → DID, or null for a handle that is no account; throws when the server cannot say. */
  resolveMentions(handles: readonly string[]): Promise<MentionDids>;
  /** Followers, follows and posts of the signed-in account (one getProfile call). */
  readAudience(): Promise<AudienceCounts>;
  /** The account's own profile description and website, where an organisation's domains are named. */
  readProfileTexts(): Promise<string[]>;
  /** Brand protection: the repository's latest revision, which every write to the account changes. */
  readRepoRevision(): Promise<string>;
  /** Brand protection: the display name, avatar and description as the network shows them now. */
  readOwnProfile(): Promise<ProfileState>;
}

const MAX_PAGE = 100;

export async function createBlueskyConnector(options: BlueskyConnectorOptions): Promise<BlueskyConnector> {
  const now = options.now ?? Date.now;
  // Saves run one after another, so a slow save of older tokens can never land after a newer one.
  let saving: Promise<void> = Promise.resolve();
  const persistSession = (event: AtpSessionEvent, data: AtpSessionData | undefined): void => {
    if ((event !== 'update' && event !== 'create') || !data) return;
    const session = {
      accessJwt: data.accessJwt,
      refreshJwt: data.refreshJwt,
      did: data.did,
      handle: data.handle,
    };
    saving = saving
      .then(() => options.onSessionUpdate(session))
      .catch((error: unknown) => options.onSessionUpdateError?.(error));
  };
  const agent = new AtpAgent({
    service: options.service,
    persistSession,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  try {
    // Resuming refreshes the tokens once, which also proves the session is still valid.
    await agent.resumeSession({ ...options.session, active: true });
  } catch (error) {
    if (!agent.session) {
      throw new RoostError(
        'auth_failed',
        'Bluesky: the stored session expired or was revoked; sign in again.',
      );
    }
    throw toConnectorError(error, 'Bluesky session', now());
  }
  return buildConnector(agent, options.session.did, now, options.webUrl ?? 'https://bsky.app');
}

function buildConnector(agent: AtpAgent, did: string, now: () => number, webUrl: string): BlueskyConnector {
  const ctx = (accountId: string | null): NormaliseContext => ({
    accountId: accountId ?? did,
    seenAt: new Date(now()).toISOString(),
    webUrl,
  });
  const guarded = async <T>(action: string, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      throw toConnectorError(error, action, now());
    }
  };
  const publishDeps: PublishDeps = { agent, did, nowMs: now };

  /** A fresh view of the post an item is about, for the viewer's like record when the item had none. */
  const freshView = async (uri: string) => {
    const view = (await postViews(agent, [uri])).get(uri);
    if (!view) throw new RoostError('not_found', 'This post no longer exists.');
    return view;
  };

  const postRef = (item: StreamItem) => {
    if (!parsePostUri(item.remoteId) || !item.actionRef) {
      throw new RoostError('invalid_input', 'This action needs a post.');
    }
    return { uri: item.remoteId, cid: item.actionRef };
  };

  const act = async (action: ItemAction): Promise<ActionResult> => {
    if (action.kind === 'like') {
      const { uri, cid } = postRef(action.item);
      return { remoteId: (await agent.like(uri, cid)).uri };
    }
    const like = action.item.viewer.liked ?? (await freshView(postRef(action.item).uri)).viewer?.like;
    if (like) await agent.deleteLike(like);
    return { remoteId: like ?? null };
  };

  const records: BlueskyRecords = {
    did,
    publishPost: (input: PublishPostInput) =>
      guarded('Bluesky publish', () => publishPost(publishDeps, input)),
    findPostByRkey: (rkey: string) => guarded('Bluesky lookup', () => findPostByRkey(publishDeps, rkey)),
    repostAt: (subject: PostRef, rkey: string) =>
      guarded('Bluesky repost', () => repostAt(publishDeps, subject, rkey)),
    findRepostByRkey: (rkey: string) => guarded('Bluesky lookup', () => findRepostByRkey(publishDeps, rkey)),
    deleteOwnRecord: (uri: string) => guarded('Bluesky delete', () => deleteOwnRecord(publishDeps, uri)),
    readEngagement: (uris: readonly string[]) =>
      guarded('Bluesky engagement', () => readEngagement(agent, uris)),
  };

  return {
    network: 'bluesky',
    currentSession: () => {
      const s = agent.session;
      return s ? { accessJwt: s.accessJwt, refreshJwt: s.refreshJwt, did: s.did, handle: s.handle } : null;
    },
    capabilities: (): Promise<Capabilities> => Promise.resolve(BLUESKY_CAPABILITIES),
    fetchPage: (request: PageRequest): Promise<Page> =>
      guarded(`Bluesky ${request.source.type}`, async () => {
        const limit = Math.max(1, Math.min(MAX_PAGE, Math.floor(request.limit)));
        const raw = await fetchColumn(agent, { ...request, limit }, ctx(request.source.accountId));
        return toPage(raw, request.since);
      }),
    thread: (item: StreamItem) =>
      guarded('Bluesky thread', async () => {
        // Likes and reposts in notifications point at their subject post.
        const uri = parsePostUri(item.remoteId) ? item.remoteId : item.quote?.remoteId;
        if (!uri || !parsePostUri(uri)) throw new RoostError('invalid_input', 'Only posts have threads.');
        const answer = await agent.app.bsky.feed.getPostThread({ uri, depth: 10, parentHeight: 80 });
        const parsed = ThreadAnswerSchema.safeParse(answer.data);
        if (!parsed.success) throw new RoostError('server_error', 'Bluesky sent a thread Roost cannot read.');
        const items = flattenThread(parsed.data.thread, ctx(item.accountId));
        if (!items) throw new RoostError('not_found', 'This post is not available.');
        return items;
      }),
    act: (action: ItemAction) => guarded(`Bluesky ${action.kind}`, () => act(action)),
    ...records,
    publisher: createBlueskyPublisher(records),
    resolveMentions: (handles: readonly string[]) =>
      guarded('Bluesky handle lookup', () => resolveMentionDids(agent, handles)),
    readAudience: () => guarded('Bluesky profile', () => readBlueskyAudience(agent, did)),
    readProfileTexts: () =>
      guarded('Bluesky profile', async () => {
        const { data } = await agent.getProfile({ actor: did });
        // `website` is newer than some lexicon versions: read it only when it is a string.
        const website: unknown = (data as { website?: unknown }).website;
        return [data.description ?? '', typeof website === 'string' ? website : ''].filter((t) => t !== '');
      }),
    readRepoRevision: () => guarded('Bluesky repository', () => readRepoRevision(agent, did)),
    readOwnProfile: () => guarded('Bluesky profile', () => readOwnProfile(agent, did)),
  };
}
