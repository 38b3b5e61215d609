// The shape of a draft as the composer keeps it in IndexedDB: the content being written, its last
// versions, and, once sent, the submission waiting for main to confirm the jobs exist.
import type { OutgoingPost, PostRef } from '../../../../src-shared/compose/post.ts';

export const POST_NETWORKS = ['bluesky', 'mastodon'] as const;
export type PostNetwork = (typeof POST_NETWORKS)[number];

export const VISIBILITIES = ['public', 'unlisted', 'private', 'direct'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** A post the draft answers or quotes, with enough of it to show what it is. */
export interface DraftRef {
  readonly ref: PostRef;
  readonly authorHandle: string;
  readonly excerpt: string;
}

export interface DraftMedia {
  readonly id: string;
  readonly kind: 'image';
  readonly name: string;
  readonly mimeType: string;
  readonly bytes: number;
  readonly alt: string;
  /** The file itself: IndexedDB keeps Blobs, so an attached image survives a crash like the text. */
  readonly blob: Blob;
}

export interface DraftContent {
  readonly accountIds: readonly string[];
  /** The text every network gets unless it has its own variant. */
  readonly text: string;
  readonly variants: Readonly<Partial<Record<PostNetwork, string>>>;
  /** Further posts of a thread, after the first. */
  readonly followUps: readonly string[];
  /**
   * The images of each follow-up, at the follow-up's index. A draft written before follow-ups had images
   * has no such field: read it through followUpMedia(), which treats absent as none.
   */
  readonly followUpMedia?: readonly (readonly DraftMedia[])[];
  /** Null: no content warning. */
  readonly contentWarning: string | null;
  readonly visibility: Visibility;
  /** BCP 47 language tag, or null to let the network guess. */
  readonly language: string | null;
  readonly media: readonly DraftMedia[];
  readonly replyTo: DraftRef | null;
  readonly quote: DraftRef | null;
  /** ISO instant, or null to publish now. */
  readonly scheduledAt: string | null;
  readonly utm: {
    readonly enabled: boolean;
    readonly campaign: string;
    /** Hosts whose links are left untagged: the link shortener's, once links were shortened. */
    readonly exceptHosts?: readonly string[];
  };
  /** Caret position in the main text, restored with the draft. */
  readonly cursor: number;
}

export interface DraftVersion {
  readonly version: number;
  readonly savedAt: string;
  readonly content: DraftContent;
}

export type PendingState = 'queued' | 'submitting' | 'needs_confirmation' | 'failed';

/** A submission kept until main confirms the jobs were created. */
export interface PendingSubmission {
  /** `${draftId}:${version}`: the same draft version is submitted at most once. */
  readonly key: string;
  readonly state: PendingState;
  readonly queuedAt: string;
  /** Set when a submit call was started, so a reload can ask main whether it already arrived. */
  readonly attemptStartedAt: string | null;
  readonly attempts: number;
  readonly clearanceId: string | null;
  readonly post: OutgoingPost;
  readonly undoSeconds: number;
  readonly campaign: string | null;
  readonly error: string | null;
}

export type DraftStatus = 'open' | 'queued' | 'sent';

export interface DraftRecord {
  readonly id: string;
  /** The first chosen account, for the table's index; every account is in content.accountIds. */
  readonly accountId: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly version: number;
  /** The local user who last changed the record. */
  readonly author: string;
  readonly status: DraftStatus;
  readonly content: DraftContent;
  /** Newest first, at most MAX_VERSIONS. */
  readonly versions: readonly DraftVersion[];
  readonly pending: PendingSubmission | null;
  readonly jobIds: readonly string[];
}

export const MAX_VERSIONS = 20;

export function emptyContent(): DraftContent {
  return {
    accountIds: [],
    text: '',
    variants: {},
    followUps: [],
    contentWarning: null,
    visibility: 'public',
    language: null,
    media: [],
    replyTo: null,
    quote: null,
    scheduledAt: null,
    utm: { enabled: false, campaign: '' },
    cursor: 0,
  };
}

/** Text a network will get before campaign tagging. */
export function textFor(content: DraftContent, network: PostNetwork): string {
  return content.variants[network] ?? content.text;
}

/** The images of follow-up `index` (none when the draft predates follow-up images). */
export function followUpMedia(content: DraftContent, index: number): readonly DraftMedia[] {
  return content.followUpMedia?.[index] ?? [];
}

/** The draft with follow-up `index`'s images replaced; every follow-up before it gets an explicit list. */
export function withFollowUpMedia(
  content: DraftContent,
  index: number,
  update: (media: readonly DraftMedia[]) => readonly DraftMedia[],
): DraftContent {
  const lists = content.followUps.map((_, i) => followUpMedia(content, i));
  return { ...content, followUpMedia: lists.map((m, i) => (i === index ? update(m) : m)) };
}

/** The draft without follow-up `index`, its images going with it. */
export function withoutFollowUp(content: DraftContent, index: number): DraftContent {
  return {
    ...content,
    followUps: content.followUps.filter((_, j) => j !== index),
    followUpMedia: content.followUps.map((_, i) => followUpMedia(content, i)).filter((_, j) => j !== index),
  };
}

/** Every image of the draft, first post and follow-ups alike. */
export function allMedia(content: DraftContent): DraftMedia[] {
  return [...content.media, ...content.followUps.flatMap((_, i) => followUpMedia(content, i))];
}

export function isBlank(content: DraftContent): boolean {
  return (
    content.text.trim() === '' &&
    Object.values(content.variants).every((v) => (v ?? '').trim() === '') &&
    content.followUps.every((f) => f.trim() === '') &&
    allMedia(content).length === 0
  );
}
