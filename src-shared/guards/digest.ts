// The content digest a clearance is bound to: canonical JSON of exactly what will be published (text,
// content warning, media ids and alt text, every follow-up of the thread with its own media, audience and
// language, target accounts, reply/quote refs, schedule), hashed.
// Any edit after confirming changes the digest, so main refuses the stale confirmation.
import type { ContentAction } from '../compose/content-action.ts';
import type { OutgoingPost, PostRef } from '../compose/post.ts';
import { sha256Hex } from './sha256.ts';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** JSON with object keys sorted at every level and no whitespace; the same value always gives the same text. */
export function canonicalJson(value: Json): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('canonicalJson: non-finite number');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k] ?? null)}`).join(',')}}`;
}

function ref(r: PostRef | null): Json {
  // Which column the item was opened from is context, not content.
  return r === null ? null : { network: r.network, remoteId: r.remoteId, cid: r.cid };
}

function instant(iso: string | null): string | null {
  if (iso === null) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : new Date(ms).toISOString();
}

export function canonicalPost(post: OutgoingPost): string {
  const targets = [...post.targets]
    .sort((a, b) => (a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0))
    .map((t) => ({
      accountId: t.accountId,
      network: t.network,
      text: t.text,
      contentWarning: t.contentWarning,
      // Order matters: it is the order the attachments appear in.
      media: t.media.map((m) => ({ id: m.id, alt: m.alt })),
      // Absent and null/empty publish the same thing, so they digest the same.
      visibility: t.visibility ?? null,
      language: t.language ?? null,
      // A follow-up's media joins its entry only when present, so a thread without any keeps its digest.
      followUps: (t.followUps ?? []).map((f): Json => {
        const entry: { [key: string]: Json } = { text: f.text, contentWarning: f.contentWarning };
        if (f.media && f.media.length > 0) entry.media = f.media.map((m) => ({ id: m.id, alt: m.alt }));
        return entry;
      }),
    }));
  return canonicalJson({
    v: 2,
    targets,
    replyTo: ref(post.replyTo),
    quote: ref(post.quote),
    scheduledAt: instant(post.scheduledAt),
  });
}

/** `sha256:` + hex digest of the canonical post. */
export function computeContentDigest(post: OutgoingPost): string {
  return `sha256:${sha256Hex(canonicalPost(post))}`;
}

/**
 * The digest a clearance for a repost, unrepost or delete is bound to: the action, the account and the item
 * it acts on. The excerpt and handle are display only, so they do not count.
 */
export function computeActionDigest(action: ContentAction): string {
  const { item } = action;
  const canonical = canonicalJson({
    v: 1,
    kind: action.kind,
    accountId: action.accountId,
    network: item.network,
    remoteId: item.remoteId,
    actionRef: item.actionRef,
    viewerReposted: item.viewerReposted,
  });
  return `sha256:${sha256Hex(canonical)}`;
}
