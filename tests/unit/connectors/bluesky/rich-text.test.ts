// Roost's one rich-text detector (the library's detection, read as UTF-16 and UTF-8 ranges): atproto's own
// detection cases from its test suite (fixtures/atproto-interop/rich-text-detection.json), then Roost's
// cases — byte offsets after emoji, accents and CJK, and what is not a link, mention or tag — and cashtags.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  detectRichText,
  mentionedHandles,
  type DetectedRichText,
} from '../../../../src-main/connectors/bluesky/rich-text.ts';
import { utf8Encode } from '../../../../src-shared/compose/utf8.ts';

interface Vectors {
  segments: { text: string; segments: string[][] }[];
  tags: { text: string; tags: string[]; indices: { byteStart: number; byteEnd: number }[] }[];
  cashtags: Vectors['tags'];
}
const vectors = JSON.parse(
  readFileSync(
    new URL('../../../fixtures/atproto-interop/rich-text-detection.json', import.meta.url),
    'utf8',
  ),
) as Vectors;

/** The text cut at the facets, as atproto's test writes it: [text] or [text, what it points to]. */
function segmentsOf(text: string, facets: readonly DetectedRichText[]): string[][] {
  const out: string[][] = [];
  let at = 0;
  for (const f of facets) {
    if (f.start > at) out.push([text.slice(at, f.start)]);
    // The original resolved mentions through a mock answering did:fake:<handle>; tags point nowhere.
    const target = f.kind === 'link' ? f.value : f.kind === 'mention' ? `did:fake:${f.value}` : '';
    out.push([text.slice(f.start, f.end), target]);
    at = f.end;
  }
  if (at < text.length) out.push([text.slice(at)]);
  return out;
}

const range = (f: DetectedRichText) => ({ byteStart: f.byteStart, byteEnd: f.byteEnd });
const tagValue = (f: DetectedRichText) => f.value;

function bytesOf(text: string, byteStart: number, byteEnd: number): string {
  return new TextDecoder().decode(utf8Encode(text).slice(byteStart, byteEnd));
}

describe('atproto rich-text detection vectors', () => {
  it('loads every case', () => {
    expect([vectors.segments.length, vectors.tags.length, vectors.cashtags.length]).toEqual([40, 39, 18]);
  });

  it.each(vectors.segments.map((v) => [v.text, v.segments] as const))('segments: %j', (text, expected) => {
    expect(segmentsOf(text, detectRichText(text))).toEqual(expected);
  });

  it.each(vectors.tags.map((v) => [v.text, v.tags, v.indices] as const))(
    'tags: %j',
    (text, tags, indices) => {
      const found = detectRichText(text);
      expect(found.filter((f) => f.kind === 'tag' || f.kind === 'cashtag').map(tagValue)).toEqual(tags);
      expect(found.map(range)).toEqual(indices);
    },
  );

  it.each(vectors.cashtags.map((v) => [v.text, v.tags, v.indices] as const))(
    'cashtags: %j',
    (text, tags, indices) => {
      const found = detectRichText(text).filter((f) => f.kind === 'cashtag');
      expect(found.map(tagValue)).toEqual(tags);
      expect(found.map(range)).toEqual(indices);
    },
  );
});

describe('detectRichText', () => {
  it.each([
    ['ascii', 'see https://example.com now', 'link', 'https://example.com', 4, 23],
    ['after an accent', 'Café https://example.com', 'link', 'https://example.com', 6, 25],
    ['after an emoji', '🎉 https://example.com', 'link', 'https://example.com', 5, 24],
    ['after a ZWJ sequence', '👩🏽‍💻 @alice.bsky.social', 'mention', 'alice.bsky.social', 16, 34],
    ['after CJK', '日本語 #東京', 'tag', '東京', 10, 17],
    ['accented tag', 'Vive la #crêpe!', 'tag', 'crêpe', 8, 15],
    ['bare domain', 'go to example.com.', 'link', 'https://example.com', 6, 17],
    ['mention in brackets', '(cc @bob.test)', 'mention', 'bob.test', 4, 13],
    ['fullwidth hash', 'ｘ ＃タグ', 'tag', 'タグ', 4, 13],
    ['cashtag', 'buy $aapl!', 'cashtag', '$AAPL', 4, 9],
    ['hashtag of a ticker', 'see #$AAPL', 'tag', '$AAPL', 4, 10],
  ])('%s', (_label, text, kind, value, byteStart, byteEnd) => {
    const found = detectRichText(text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind, value, byteStart, byteEnd });
    expect(bytesOf(text, byteStart, byteEnd)).toBe(text.slice(found[0]?.start, found[0]?.end));
  });

  it.each([
    ['email address', 'write to me@example.com'],
    ['mention without a dot', 'hi @alice'],
    ['mention with numeric TLD', 'train @10.30'],
    ['ordinal', 'we are #1'],
    ['keycap', '#️⃣ key'],
    ['unknown extension', 'run Node.js and file.txt'],
    ['hash in a word', 'C#sharp'],
    ['bare scheme', 'https:// alone'],
    ['price', 'only US$5 or $100'],
  ])('%s: none', (_label, text) => {
    expect(detectRichText(text)).toEqual([]);
  });

  it('finds everything in order and strips trailing punctuation', () => {
    const text = '¡Olé! @ana.example.com, #fête… https://ex.com/a?b=1. ($TSLA)';
    const found = detectRichText(text);
    expect(found.map((f) => [f.kind, f.value])).toEqual([
      ['mention', 'ana.example.com'],
      ['tag', 'fête'],
      ['link', 'https://ex.com/a?b=1'],
      ['cashtag', '$TSLA'],
    ]);
    for (const f of found) expect(bytesOf(text, f.byteStart, f.byteEnd)).toBe(text.slice(f.start, f.end));
  });

  it('does not find a tag or mention inside a link', () => {
    expect(detectRichText('https://example.com/#anchor @x').map((f) => f.kind)).toEqual(['link']);
  });

  it('caps tags at 64 graphemes', () => {
    expect(detectRichText(`#${'a'.repeat(64)}`)).toHaveLength(1);
    expect(detectRichText(`#${'a'.repeat(65)}`)).toEqual([]);
  });

  it('lists mentioned handles once each, lowercased for resolution', () => {
    expect(mentionedHandles(detectRichText('@Alice.test @alice.test @bob.test #x'))).toEqual([
      'alice.test',
      'bob.test',
    ]);
  });
});
