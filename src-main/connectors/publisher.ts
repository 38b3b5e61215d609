// The publishing side of a connector, beside the reading one (connector.ts): everything the outbox asks of a
// network, said without naming one. Every call is safe to repeat with the same keys, because the outbox
// retries after lost answers and crashes; the keys are fixed when a job is created and never change.
import { RoostError } from '../../src-shared/contract/errors.ts';
import type { ContentAction, ContentActionKind } from '../../src-shared/compose/content-action.ts';
import type { PostRef, PostTarget, PostVisibility } from '../../src-shared/compose/post.ts';
import type { Account } from '../../src-shared/domain/account.ts';

/** The networks an account can publish to (feeds are read-only). */
export type PublishingNetwork = 'bluesky' | 'mastodon';

/**
 * What publishing knows of a network before any connector is built (publishing-rules.ts has one per network):
 * building a connector reads the keychain and, for Bluesky, resumes a session over the network.
 */
export interface PublishingRules {
  /** True when a job of this kind is written at a record key the outbox picks when it creates the job. */
  takesRecordKey(kind: 'post' | ContentActionKind): boolean;
  /** Refuses, with a message that says why, an action `account` cannot take on this network. */
  checkAction(action: ContentAction, account: Account): void;
  /** Refuses, with a message that says why, a post setting this network does not have. */
  checkTarget(target: PostTarget): void;
  /**
   * True when the server can hold a scheduled post and publish it itself (the publisher then offers
   * `scheduling`), so a post scheduled far enough ahead is handed over instead of sent by Roost.
   */
  readonly holdsSchedules: boolean;
}

/** The keys a job was given when it was created; every attempt sends the same ones. */
export interface SendKeys {
  /** The record key (an atproto TID) the post or repost is written at, on networks that take one. */
  readonly rkey: string | null;
  /** Sent as the Idempotency-Key on networks that honour one. */
  readonly idempotencyKey: string;
}

export interface ImageToSend {
  /** The local media id (a SHA-256 of the bytes), which also names an upload remembered for a retry. */
  readonly mediaId: string;
  readonly data: Uint8Array<ArrayBuffer>;
  readonly mimeType: string;
  readonly alt: string;
}

/** An upload an earlier attempt of the same job left on the server, at its position in the post. */
export interface RememberedUpload {
  readonly position: number;
  readonly mediaId: string;
  readonly remoteId: string;
}

/**
 * Uploads of one job that survive a crash, for networks that upload images before the post: a retry attaches
 * what is already on the server instead of uploading it again.
 */
export interface UploadMemory {
  known(): readonly RememberedUpload[];
  remember(upload: RememberedUpload): void;
  forget(): void;
}

/** One post (a reply or a quote when `replyTo` / `quote` is set) as the outbox sends it. */
export interface PostToSend {
  readonly text: string;
  readonly keys: SendKeys;
  /** References to posts of another network are ignored (a cross-posted reply is a plain post there). */
  readonly replyTo: PostRef | null;
  readonly quote: PostRef | null;
  readonly language: string | null;
  readonly contentWarning: string | null;
  readonly visibility: PostVisibility | null;
  readonly images: readonly ImageToSend[];
  /** Hand the schedule to the server instead of publishing now; only where `scheduling` is offered. */
  readonly serverScheduleAt: string | null;
  readonly uploads: UploadMemory | null;
}

export interface PublishedRef {
  readonly remoteId: string;
  readonly url: string | null;
  /** Bluesky strong-ref CID, kept so a later post of a thread can reply to this one. */
  readonly cid?: string | null;
}

export type SendResult =
  | ({ readonly kind: 'published' } & PublishedRef)
  | { readonly kind: 'scheduled'; readonly serverScheduleId: string };

/** What identifies a job's post on the network when its answer was lost. */
export interface SentPostLookup {
  readonly keys: SendKeys;
  readonly text: string;
  /** When the job was created: nothing older can be its post. */
  readonly createdAt: string;
  /** When the job last changed, i.e. its last attempt: a network's memory of the key counts from there. */
  readonly lastAttemptAt: string;
}

/** The item a repost, unrepost or delete acts on, as the outbox stored it. */
export type ActionSubject = ContentAction['item'];

/** Posts the network holds and publishes later (Mastodon's scheduled statuses). */
export interface ServerScheduling {
  reschedule(serverScheduleId: string, scheduledAt: string): Promise<void>;
  /** Already gone on the server (published or deleted there) counts as done. */
  unschedule(serverScheduleId: string): Promise<void>;
}

export interface Publisher {
  readonly network: PublishingNetwork;
  send(post: PostToSend): Promise<SendResult>;
  /**
   * After a crash or a lost answer: the post if it exists. Null means sending again with the same keys is
   * safe (it cannot create a second post).
   */
  reconcile(lookup: SentPostLookup): Promise<PublishedRef | null>;
  repost(item: ActionSubject, keys: SendKeys): Promise<PublishedRef>;
  /** The repost an interrupted attempt may have made; null means reposting again is safe. */
  reconcileRepost(keys: SendKeys): Promise<PublishedRef | null>;
  /** Removes the account's repost of the item; already gone counts as done. */
  unrepost(item: ActionSubject, keys: SendKeys): Promise<PublishedRef>;
  /** Deletes one of the account's own posts; already gone counts as done. */
  deletePost(item: ActionSubject): Promise<PublishedRef>;
  /** Null on networks without server-held schedules: the outbox then schedules locally. */
  readonly scheduling: ServerScheduling | null;
  /** Current engagement of the account's own posts by remote id (best-time suggestions). */
  readEngagement(remoteIds: readonly string[]): Promise<EngagementRead>;
}

/**
 * Current engagement of the account's own posts (best-time suggestions), by post id. `absent` lists posts
 * the server no longer has (deleted, taken down); ids in neither list were not read this time (the rate
 * budget ran low) and keep whatever was known before.
 */
export interface EngagementRead {
  readonly counts: ReadonlyMap<string, number>;
  readonly absent: readonly string[];
}

/** The connector's publisher, or a clear refusal for an account whose network cannot publish. */
export function requirePublisher(connector: { readonly publisher?: Publisher }): Publisher {
  if (!connector.publisher) throw new RoostError('invalid_input', 'This account cannot publish.');
  return connector.publisher;
}
