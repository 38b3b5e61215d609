// Roost's one rich-text detector: @atproto/api's own detection, so the composer's preview and the record
// Bluesky receives agree on what is a link, a mention, a tag or a cashtag. Detection needs no network;
// mentions are resolved separately (mention-resolver.ts) and the ones that are no account are dropped.
import { RichText } from '@atproto/api';

export type RichTextKind = 'link' | 'mention' | 'tag' | 'cashtag';

export interface DetectedRichText {
  readonly kind: RichTextKind;
  /** The link's URI, the handle as typed (no `@`), the tag (no `#`), or the cashtag (`$AAPL`). */
  readonly value: string;
  /** UTF-16 offsets, for the composer. */
  readonly start: number;
  readonly end: number;
  /** UTF-8 offsets, as the record's facets index the text. */
  readonly byteStart: number;
  readonly byteEnd: number;
}

type LibraryFacet = NonNullable<RichText['facets']>[number];
type LibraryFeature = LibraryFacet['features'][number];

/** utf16At[byte] = UTF-16 offset of the code point starting at that byte; -1 inside a multi-byte one. */
function byteToUtf16(text: string): Int32Array {
  const table: number[] = [];
  let utf16 = 0;
  for (const char of text) {
    const cp = char.codePointAt(0) ?? 0;
    const bytes = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    table.push(utf16);
    for (let i = 1; i < bytes; i++) table.push(-1);
    utf16 += char.length;
  }
  table.push(utf16);
  return Int32Array.from(table);
}

function classify(feature: LibraryFeature, typed: string): Pick<DetectedRichText, 'kind' | 'value'> | null {
  const f = feature as { $type?: string; uri?: unknown; did?: unknown; tag?: unknown };
  if (f.$type === 'app.bsky.richtext.facet#link' && typeof f.uri === 'string') {
    return { kind: 'link', value: f.uri };
  }
  // Before resolution the library keeps the handle where the DID will go.
  if (f.$type === 'app.bsky.richtext.facet#mention' && typeof f.did === 'string') {
    return { kind: 'mention', value: f.did };
  }
  if (f.$type === 'app.bsky.richtext.facet#tag' && typeof f.tag === 'string') {
    // `$AAPL` typed as such is a cashtag; `#$AAPL` is an ordinary hashtag that happens to start with `$`.
    return typed.startsWith('$') ? { kind: 'cashtag', value: f.tag } : { kind: 'tag', value: f.tag };
  }
  return null;
}

/** The library's facets before any handle is resolved (mention facets still hold the handle). */
export function detectLibraryFacets(text: string): RichText {
  const rt = new RichText({ text });
  rt.detectFacetsWithoutResolution();
  return rt;
}

/** Every link, mention, tag and cashtag in `text`, in text order. */
export function detectRichText(text: string): DetectedRichText[] {
  const rt = detectLibraryFacets(text);
  const table = byteToUtf16(text);
  const out: DetectedRichText[] = [];
  for (const facet of rt.facets ?? []) {
    const { byteStart, byteEnd } = facet.index;
    const start = table[byteStart] ?? -1;
    const end = table[byteEnd] ?? -1;
    if (start < 0 || end < 0 || end <= start) continue;
    for (const feature of facet.features) {
      const found = classify(feature, text.slice(start, end));
      if (found) out.push({ ...found, start, end, byteStart, byteEnd });
    }
  }
  return out;
}

/** Handles as resolution wants them: lowercase, each once. */
export function mentionedHandles(found: readonly DetectedRichText[]): string[] {
  return [...new Set(found.filter((f) => f.kind === 'mention').map((f) => f.value.toLowerCase()))];
}
