// UTF-8 byte ranges (Bluesky facets) to UTF-16 ranges (StreamItem facets). Expected byte offsets are computed
// here independently with Buffer.byteLength, so the test does not reuse the code under test.
import { describe, expect, it } from 'vitest';
import { toUtf16Facets } from '../../../../src-main/connectors/bluesky/facets.ts';
import type { RawFacet } from '../../../../src-main/connectors/bluesky/facets.ts';

/** A facet over the first occurrence of `needle`, addressed the way the network does: in UTF-8 bytes. */
function facetOver(text: string, needle: string, feature: RawFacet['features'][number]): RawFacet {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`${needle} not in text`);
  const byteStart = Buffer.byteLength(text.slice(0, at), 'utf8');
  return {
    index: { byteStart, byteEnd: byteStart + Buffer.byteLength(needle, 'utf8') },
    features: [feature],
  };
}

const link = (uri: string) => ({ $type: 'app.bsky.richtext.facet#link', uri });
const mention = (did: string) => ({ $type: 'app.bsky.richtext.facet#mention', did });
const tag = (t: string) => ({ $type: 'app.bsky.richtext.facet#tag', tag: t });

describe('toUtf16Facets', () => {
  it('maps byte ranges after emoji, ZWJ sequences and accented letters onto the right UTF-16 slices', () => {
    const text = 'Crème brûlée 🎉👩‍👩‍👧 naïve @alice.test → https://exämple.com/ça #café 日本語 #fin';
    const facets = toUtf16Facets(text, [
      facetOver(text, '@alice.test', mention('did:plc:alice')),
      facetOver(text, 'https://exämple.com/ça', link('https://exämple.com/ça')),
      facetOver(text, '#café', tag('café')),
      facetOver(text, '#fin', tag('fin')),
    ]);
    expect(facets.map((f) => [f.kind, text.slice(f.start, f.end), f.value])).toEqual([
      ['mention', '@alice.test', 'did:plc:alice'],
      ['link', 'https://exämple.com/ça', 'https://exämple.com/ça'],
      ['hashtag', '#café', 'café'],
      ['hashtag', '#fin', 'fin'],
    ]);
    // Byte and UTF-16 offsets really differ here, so an identity mapping would fail.
    const raw = facetOver(text, '#fin', tag('fin'));
    expect(raw.index.byteStart).not.toBe(facets[3]!.start);
  });

  it('handles a facet that starts at 0 and one that ends at the very end', () => {
    const text = '#début 👋 fin';
    const facets = toUtf16Facets(text, [
      facetOver(text, '#début', tag('début')),
      facetOver(text, 'fin', link('https://x.example')),
    ]);
    expect(facets.map((f) => [f.start, f.end])).toEqual([
      [0, 6],
      [text.length - 3, text.length],
    ]);
  });

  it('drops ranges that are empty, reversed, out of bounds or split a character, and unknown features', () => {
    const text = 'é🎉 ok';
    const bytes = Buffer.byteLength(text, 'utf8');
    const facets = toUtf16Facets(text, [
      { index: { byteStart: 0, byteEnd: 0 }, features: [tag('empty')] },
      { index: { byteStart: 3, byteEnd: 1 }, features: [tag('reversed')] },
      { index: { byteStart: 0, byteEnd: bytes + 1 }, features: [tag('beyond')] },
      { index: { byteStart: -1, byteEnd: 2 }, features: [tag('negative')] },
      { index: { byteStart: 1, byteEnd: 2 }, features: [tag('inside-é')] },
      { index: { byteStart: 2, byteEnd: 4 }, features: [tag('inside-emoji')] },
      {
        index: { byteStart: 0, byteEnd: 2 },
        features: [{ $type: 'app.bsky.richtext.facet#bold' }, tag('kept')],
      },
      { index: { byteStart: 0, byteEnd: 2 }, features: [{ $type: 'app.bsky.richtext.facet#link', uri: 42 }] },
    ]);
    expect(facets).toEqual([{ kind: 'hashtag', value: 'kept', start: 0, end: 1 }]);
  });

  it('strips a leading # from tag values and returns nothing for no facets', () => {
    expect(
      toUtf16Facets('#x', [{ index: { byteStart: 0, byteEnd: 2 }, features: [tag('#x')] }])[0]?.value,
    ).toBe('x');
    expect(toUtf16Facets('text', undefined)).toEqual([]);
    expect(toUtf16Facets('text', [])).toEqual([]);
  });
});
