// Bluesky rich-text facets: links, mentions and hashtags located by UTF-8 byte offsets, which is how the
// app.bsky.richtext.facet record indexes text (a JS string index would be off after any accent or emoji).
import { findLinks } from './links.ts';
import { utf8OffsetTable } from './utf8.ts';
import { countGraphemes } from '../text/graphemes.ts';

export type DetectedFacet = {
  kind: 'link' | 'mention' | 'tag';
  /** Link URI, mentioned handle (lowercase, no `@`), or tag without `#`. */
  value: string;
  byteStart: number;
  byteEnd: number;
  /** UTF-16 offsets, for highlighting in the composer. */
  start: number;
  end: number;
};

export type BlueskyFacet = {
  index: { byteStart: number; byteEnd: number };
  features: Array<
    | { $type: 'app.bsky.richtext.facet#link'; uri: string }
    | { $type: 'app.bsky.richtext.facet#mention'; did: string }
    | { $type: 'app.bsky.richtext.facet#tag'; tag: string }
  >;
};

const MENTION = /(^|[\s(])@([a-zA-Z0-9][a-zA-Z0-9.-]*)/g;
const HANDLE = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
// A tag runs to the next whitespace; invisible joiners and the keycap selector (#️⃣) never start one.
const TAG = /(^|\s)[#＃](?!\ufe0f)((?:(?!\u00ad|\u2060|\u200a|\u200b|\u200c|\u200d|\u20e2)\S)+)/gu;
const TAG_TRAILING = /\p{P}+$/u;
const MAX_TAG_GRAPHEMES = 64;

type Found = Omit<DetectedFacet, 'byteStart' | 'byteEnd'>;

function found(kind: DetectedFacet['kind'], value: string, start: number, end: number): Found {
  return { kind, value, start, end };
}

function detectMentions(text: string): Found[] {
  const out: Found[] = [];
  for (const m of text.matchAll(MENTION)) {
    const handle = (m[2] ?? '').replace(/[.-]+$/, '').toLowerCase();
    const tld = handle.slice(handle.lastIndexOf('.') + 1);
    // Handles need a real-looking TLD, or "@10.30" in a timetable becomes a mention.
    if (!HANDLE.test(handle) || !/^[a-z]{2,}$/.test(tld)) continue;
    const start = m.index + (m[1] ?? '').length;
    out.push(found('mention', handle, start, start + 1 + handle.length));
  }
  return out;
}

function detectTags(text: string): Found[] {
  const out: Found[] = [];
  for (const m of text.matchAll(TAG)) {
    const tag = (m[2] ?? '').replace(TAG_TRAILING, '');
    // All-digit tags (#1) are ordinals, not topics.
    if (tag === '' || /^\p{N}+$/u.test(tag) || countGraphemes(tag) > MAX_TAG_GRAPHEMES) continue;
    const start = m.index + (m[1] ?? '').length;
    out.push(found('tag', tag, start, start + 1 + tag.length));
  }
  return out;
}

/** Every facet in `text`, in text order. Mentions still need their handle resolved to a DID. */
export function detectFacets(text: string): DetectedFacet[] {
  const links = findLinks(text).map((l) => found('link', l.href, l.start, l.end));
  // Links win: a `#anchor` or `@user` inside a URL is part of the URL.
  const inLink = new Uint8Array(text.length);
  for (const l of links) inLink.fill(1, l.start, l.end);
  const others = [...detectMentions(text), ...detectTags(text)].filter(
    (f) => !inLink.subarray(f.start, f.end).includes(1),
  );
  const bytes = utf8OffsetTable(text);
  return [...links, ...others]
    .sort((a, b) => a.start - b.start)
    .map((f) => ({ ...f, byteStart: bytes[f.start] ?? 0, byteEnd: bytes[f.end] ?? 0 }));
}

/**
 * The record's facets. Mentions whose handle did not resolve are dropped (the text stays as typed), as
 * a mention facet without a DID is invalid.
 */
export function toBlueskyFacets(
  facets: readonly DetectedFacet[],
  dids: ReadonlyMap<string, string>,
): BlueskyFacet[] {
  const out: BlueskyFacet[] = [];
  for (const f of facets) {
    const index = { byteStart: f.byteStart, byteEnd: f.byteEnd };
    if (f.kind === 'link')
      out.push({ index, features: [{ $type: 'app.bsky.richtext.facet#link', uri: f.value }] });
    if (f.kind === 'tag')
      out.push({ index, features: [{ $type: 'app.bsky.richtext.facet#tag', tag: f.value }] });
    if (f.kind === 'mention') {
      const did = dids.get(f.value);
      if (did) out.push({ index, features: [{ $type: 'app.bsky.richtext.facet#mention', did }] });
    }
  }
  return out;
}
