// Bluesky facets address text by UTF-8 byte ranges; StreamItem facets are UTF-16 code-unit ranges so the
// renderer can slice JS strings. This converts one into the other and drops ranges that do not fit the text.
import type { Facet } from '../../../src-shared/domain/stream-item.ts';

export interface RawFacet {
  readonly index: { readonly byteStart: number; readonly byteEnd: number };
  readonly features: readonly { readonly $type?: string; readonly [key: string]: unknown }[];
}

/** utf16At[byte] = UTF-16 offset of the code point starting at that byte; -1 inside a multi-byte sequence. */
function byteToUtf16Table(text: string): Int32Array {
  const table: number[] = [];
  let utf16 = 0;
  for (const char of text) {
    const codePoint = char.codePointAt(0) as number;
    const bytes = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
    table.push(utf16);
    for (let i = 1; i < bytes; i++) table.push(-1);
    utf16 += char.length;
  }
  table.push(utf16);
  return Int32Array.from(table);
}

function featureToFacet(feature: RawFacet['features'][number]): Pick<Facet, 'kind' | 'value'> | null {
  switch (feature.$type) {
    case 'app.bsky.richtext.facet#link':
      return typeof feature.uri === 'string' ? { kind: 'link', value: feature.uri } : null;
    case 'app.bsky.richtext.facet#mention':
      return typeof feature.did === 'string' ? { kind: 'mention', value: feature.did } : null;
    case 'app.bsky.richtext.facet#tag':
      return typeof feature.tag === 'string'
        ? { kind: 'hashtag', value: feature.tag.replace(/^#/, '') }
        : null;
    default:
      return null;
  }
}

/** Facets whose byte range is empty, out of bounds or splits a character are dropped, not guessed at. */
export function toUtf16Facets(text: string, facets: readonly RawFacet[] | undefined, max = 500): Facet[] {
  if (!facets || facets.length === 0) return [];
  const table = byteToUtf16Table(text);
  const out: Facet[] = [];
  for (const facet of facets) {
    const { byteStart, byteEnd } = facet.index;
    if (!Number.isInteger(byteStart) || !Number.isInteger(byteEnd)) continue;
    if (byteStart < 0 || byteEnd <= byteStart || byteEnd >= table.length) continue;
    const start = table[byteStart] as number;
    const end = table[byteEnd] as number;
    if (start < 0 || end < 0) continue;
    for (const feature of facet.features) {
      const mapped = featureToFacet(feature);
      if (mapped && mapped.value.length <= 4_096) out.push({ ...mapped, start, end });
      if (out.length >= max) return out;
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
