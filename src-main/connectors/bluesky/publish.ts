// Publishing with a record key the caller chose (a TID), so the outbox can retry without ever posting twice:
// a second attempt with the same key finds the first one's record instead of creating another.
import { RichText } from '@atproto/api';
import type { AtpAgent } from '@atproto/api';
import { RoostError } from '../../../src-shared/contract/errors.ts';
import {
  BLUESKY_MAX_GRAPHEMES,
  BLUESKY_MAX_IMAGE_BYTES,
  BLUESKY_MAX_IMAGES,
  BLUESKY_MAX_TEXT_BYTES,
} from './capabilities.ts';
import { postViews } from './fetch-columns.ts';
import { recordFacets } from './mention-resolver.ts';
import { parsePostUri } from '../../../src-shared/atproto/post-uri.ts';
import { parsePostRecord } from './normalise-post.ts';
import { GetRecordSchema, StrongRefAnswerSchema } from './schemas.ts';
import { isTid } from '../../../src-shared/atproto/tid.ts';

const POST_COLLECTION = 'app.bsky.feed.post';

export interface PostRef {
  readonly uri: string;
  readonly cid: string;
}

export interface PostImage {
  readonly data: Uint8Array;
  readonly mimeType: string;
  readonly alt: string;
  readonly width?: number;
  readonly height?: number;
}

export interface PublishPostInput {
  readonly text: string;
  /** A TID chosen before the first attempt and reused for every retry. */
  readonly rkey: string;
  readonly replyTo?: PostRef;
  readonly quote?: PostRef;
  readonly langs?: readonly string[];
  readonly images?: readonly PostImage[];
}

export interface PublishedPost extends PostRef {
  readonly rkey: string;
  /** False when a post already stood at this key (an earlier attempt went through). */
  readonly created: boolean;
}

export interface FoundPost {
  readonly uri: string;
  readonly cid: string | null;
  readonly text: string;
  readonly createdAt: string;
}

export interface PublishDeps {
  readonly agent: AtpAgent;
  readonly did: string;
  readonly nowMs: () => number;
}

function validate(input: PublishPostInput, rt: RichText): void {
  if (!isTid(input.rkey)) throw new RoostError('invalid_input', 'The record key must be a TID.');
  if (rt.graphemeLength > BLUESKY_MAX_GRAPHEMES) {
    throw new RoostError(
      'invalid_input',
      `Bluesky posts are limited to ${BLUESKY_MAX_GRAPHEMES} characters.`,
    );
  }
  // The lexicon also caps the UTF-8 size: 300 emoji sequences can pass the grapheme count and still fail here.
  if (rt.length > BLUESKY_MAX_TEXT_BYTES) {
    throw new RoostError(
      'invalid_input',
      `Bluesky posts are limited to ${BLUESKY_MAX_TEXT_BYTES} bytes of text.`,
    );
  }
  if (rt.text.trim().length === 0 && !input.images?.length && !input.quote) {
    throw new RoostError('invalid_input', 'A post needs text, an image or a quote.');
  }
  const images = input.images ?? [];
  if (images.length > BLUESKY_MAX_IMAGES) {
    throw new RoostError('invalid_input', `Bluesky posts take at most ${BLUESKY_MAX_IMAGES} images.`);
  }
  for (const image of images) {
    if (image.data.byteLength > BLUESKY_MAX_IMAGE_BYTES) {
      throw new RoostError(
        'invalid_input',
        `Bluesky images must be at most ${BLUESKY_MAX_IMAGE_BYTES} bytes.`,
      );
    }
    if (!image.mimeType.startsWith('image/'))
      throw new RoostError('invalid_input', 'Only images can be attached.');
  }
}

/** The root of the thread `parent` belongs to: the AppView first, the PDS when the AppView lags behind. */
async function replyRefs(agent: AtpAgent, parent: PostRef): Promise<{ root: PostRef; parent: PostRef }> {
  const view = (await postViews(agent, [parent.uri])).get(parent.uri);
  let record = view ? parsePostRecord(view.record) : null;
  if (!record) {
    const parts = parsePostUri(parent.uri);
    if (!parts) throw new RoostError('invalid_input', 'Replies go to posts.');
    const found = await getPostRecord(agent, parts.repo, parts.rkey);
    if (!found) throw new RoostError('not_found', 'The post being replied to no longer exists.');
    record = parsePostRecord(found.value);
  }
  const root = record?.reply?.root;
  return { root: root ? { uri: root.uri, cid: root.cid } : parent, parent };
}

async function getPostRecord(agent: AtpAgent, repo: string, rkey: string) {
  try {
    const answer = await agent.com.atproto.repo.getRecord({ repo, collection: POST_COLLECTION, rkey });
    const parsed = GetRecordSchema.safeParse(answer.data);
    if (!parsed.success) throw new RoostError('server_error', 'Bluesky sent a record Roost cannot read.');
    return parsed.data;
  } catch (error) {
    const name = (error as { error?: unknown } | null)?.error;
    if (name === 'RecordNotFound') return null;
    throw error;
  }
}

export async function findPostByRkey(deps: PublishDeps, rkey: string): Promise<FoundPost | null> {
  if (!isTid(rkey)) throw new RoostError('invalid_input', 'The record key must be a TID.');
  const found = await getPostRecord(deps.agent, deps.did, rkey);
  if (!found) return null;
  const record = parsePostRecord(found.value);
  if (!record) throw new RoostError('server_error', 'The record at this key is not a readable post.');
  return { uri: found.uri, cid: found.cid ?? null, text: record.text, createdAt: record.createdAt };
}

async function embedFor(
  agent: AtpAgent,
  input: PublishPostInput,
): Promise<Record<string, unknown> | undefined> {
  const quote = input.quote
    ? { $type: 'app.bsky.embed.record', record: { uri: input.quote.uri, cid: input.quote.cid } }
    : null;
  const images = [];
  for (const image of input.images ?? []) {
    const uploaded = await agent.uploadBlob(image.data, { encoding: image.mimeType });
    images.push({
      image: uploaded.data.blob,
      alt: image.alt,
      ...(image.width && image.height ? { aspectRatio: { width: image.width, height: image.height } } : {}),
    });
  }
  const media = images.length > 0 ? { $type: 'app.bsky.embed.images', images } : null;
  if (media && quote) return { $type: 'app.bsky.embed.recordWithMedia', record: quote, media };
  return media ?? quote ?? undefined;
}

export async function publishPost(deps: PublishDeps, input: PublishPostInput): Promise<PublishedPost> {
  const rt = new RichText({ text: input.text });
  validate(input, rt);
  // A retry after a lost answer: the first attempt's post is already there, and is the answer.
  const existing = await findPostByRkey(deps, input.rkey);
  if (existing?.cid) return { uri: existing.uri, cid: existing.cid, rkey: input.rkey, created: false };

  // Not rt.detectFacets(agent): it leaves `did: ""` on a mention that did not resolve, and the PDS then
  // refuses the whole post.
  const facets = await recordFacets(deps.agent, rt.text);
  const reply = input.replyTo ? await replyRefs(deps.agent, input.replyTo) : undefined;
  const embed = await embedFor(deps.agent, input);
  const record = {
    $type: POST_COLLECTION,
    text: rt.text,
    ...(facets.length > 0 ? { facets } : {}),
    ...(reply ? { reply } : {}),
    ...(embed ? { embed } : {}),
    ...(input.langs?.length ? { langs: [...input.langs] } : {}),
    createdAt: new Date(deps.nowMs()).toISOString(),
  };
  try {
    const answer = await deps.agent.com.atproto.repo.createRecord({
      repo: deps.did,
      collection: POST_COLLECTION,
      rkey: input.rkey,
      record,
    });
    const ref = StrongRefAnswerSchema.safeParse(answer.data);
    if (!ref.success) throw new RoostError('server_error', 'Bluesky sent an answer Roost cannot read.');
    return { uri: ref.data.uri, cid: ref.data.cid, rkey: input.rkey, created: true };
  } catch (error) {
    // Two attempts racing for the same key: whichever lost finds the winner's post.
    const raced = await findPostByRkey(deps, input.rkey).catch(() => null);
    if (raced?.cid) return { uri: raced.uri, cid: raced.cid, rkey: input.rkey, created: false };
    throw error;
  }
}
