// Bluesky facets: byte offsets after emoji, accents and CJK; what is and is not a link, mention or tag.
import { describe, expect, it } from 'vitest';
import { detectFacets, toBlueskyFacets } from '../../../src-shared/compose/facets.ts';
import { utf16ToUtf8Offset, utf8Encode, utf8OffsetTable } from '../../../src-shared/compose/utf8.ts';

// Reading the bytes back proves the offsets, whatever the text before them.
function bytesOf(text: string, byteStart: number, byteEnd: number): string {
  return new TextDecoder().decode(utf8Encode(text).slice(byteStart, byteEnd));
}

describe('detectFacets', () => {
  it.each([
    ['ascii', 'see https://example.com now', 'link', 'https://example.com', 4, 23],
    ['after an accent', 'Café https://example.com', 'link', 'https://example.com', 6, 25],
    ['after an emoji', '🎉 https://example.com', 'link', 'https://example.com', 5, 24],
    ['after a ZWJ sequence', '👩🏽‍💻 @alice.bsky.social', 'mention', 'alice.bsky.social', 16, 34],
    ['after CJK', '日本語 #東京', 'tag', '東京', 10, 17],
    ['accented tag', 'Vive la #crêpe!', 'tag', 'crêpe', 8, 15],
    ['bare domain', 'go to example.com.', 'link', 'https://example.com', 6, 17],
    ['mention in brackets', '(cc @bob.test)', 'mention', 'bob.test', 4, 13],
    [
      'link with parentheses',
      'https://en.wikipedia.org/wiki/Roost_(bird))',
      'link',
      'https://en.wikipedia.org/wiki/Roost_(bird)',
      0,
      42,
    ],
    ['fullwidth hash', 'ｘ ＃タグ', 'tag', 'タグ', 4, 13],
  ])('%s', (_label, text, kind, value, byteStart, byteEnd) => {
    const facets = detectFacets(text);
    expect(facets).toHaveLength(1);
    expect(facets[0]).toMatchObject({ kind, value, byteStart, byteEnd });
    const shown = bytesOf(text, byteStart, byteEnd);
    expect(shown).toBe(text.slice(facets[0]?.start, facets[0]?.end));
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
  ])('%s: none', (_label, text) => {
    expect(detectFacets(text)).toEqual([]);
  });

  it('finds everything in order and strips trailing punctuation', () => {
    const text = '¡Olé! @ana.example.com, #fête… https://ex.com/a?b=1.';
    expect(detectFacets(text).map((f) => [f.kind, f.value])).toEqual([
      ['mention', 'ana.example.com'],
      ['tag', 'fête'],
      ['link', 'https://ex.com/a?b=1'],
    ]);
    for (const f of detectFacets(text))
      expect(bytesOf(text, f.byteStart, f.byteEnd)).toBe(text.slice(f.start, f.end));
  });

  it('does not find a tag or mention inside a link', () => {
    expect(detectFacets('https://example.com/#anchor @x').map((f) => f.kind)).toEqual(['link']);
  });

  it('caps tags at 64 graphemes', () => {
    expect(detectFacets(`#${'a'.repeat(64)}`)).toHaveLength(1);
    expect(detectFacets(`#${'a'.repeat(65)}`)).toEqual([]);
  });
});

describe('toBlueskyFacets', () => {
  it('builds record facets and drops mentions that did not resolve', () => {
    const facets = detectFacets('@alice.test @ghost.test #tag https://x.com');
    expect(toBlueskyFacets(facets, new Map([['alice.test', 'did:plc:alice']]))).toEqual([
      {
        index: { byteStart: 0, byteEnd: 11 },
        features: [{ $type: 'app.bsky.richtext.facet#mention', did: 'did:plc:alice' }],
      },
      {
        index: { byteStart: 24, byteEnd: 28 },
        features: [{ $type: 'app.bsky.richtext.facet#tag', tag: 'tag' }],
      },
      {
        index: { byteStart: 29, byteEnd: 42 },
        features: [{ $type: 'app.bsky.richtext.facet#link', uri: 'https://x.com' }],
      },
    ]);
  });
});

describe('utf8OffsetTable', () => {
  it.each(['', 'abc', 'Café 日本 👩🏽‍💻 x', 'a\ud800b\udc00c'])(
    'agrees with per-offset conversion for %j',
    (text) => {
      const table = utf8OffsetTable(text);
      expect(table[text.length]).toBe(utf8Encode(text).length);
      for (let i = 0; i <= text.length; i++) {
        const mid =
          i > 0 && /[\ud800-\udbff]/.test(text[i - 1] ?? '') && /[\udc00-\udfff]/.test(text[i] ?? '');
        if (!mid) expect(table[i], `offset ${i}`).toBe(utf16ToUtf8Offset(text, i));
      }
    },
  );
});
