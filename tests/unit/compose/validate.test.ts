// Per-network validation: grapheme and URL-weighted lengths with the overflow position, Bluesky's byte
// cap, media count/size/type, and alt text.
import { describe, expect, it } from 'vitest';
import { measureText } from '../../../src-shared/compose/measure.ts';
import type { ComposeMedia } from '../../../src-shared/compose/post.ts';
import { validateVariant, type Variant } from '../../../src-shared/compose/validate.ts';
import type { Capabilities } from '../../../src-shared/domain/capabilities.ts';
import { mastodonLength } from '../../../src-shared/text/url-weight.ts';

function caps(limits: Partial<Capabilities['limits']>): Capabilities {
  return {
    columnTypes: [],
    actions: [],
    search: true,
    directMessages: false,
    streaming: true,
    serverSideScheduling: false,
    limits: {
      maxChars: 300,
      urlWeight: null,
      countsGraphemes: true,
      maxMedia: 4,
      maxImageBytes: 1_000_000,
      ...limits,
    },
  };
}
const bluesky = caps({});
const mastodon = caps({ maxChars: 500, urlWeight: 23, maxImageBytes: 16_000_000 });
const noAlt = { requireAltText: false };

function variant(text: string, patch: Partial<Variant> = {}): Variant {
  return { network: 'bluesky', text, contentWarning: null, media: [], ...patch };
}
function image(patch: Partial<ComposeMedia> = {}): ComposeMedia {
  return { id: 'm', kind: 'image', mimeType: 'image/png', bytes: 1000, alt: 'A roost at dusk', ...patch };
}
const codes = (v: Variant, c: Capabilities, s = noAlt) => validateVariant(v, c, s).map((i) => i.code);

describe('length', () => {
  it.each([
    ['300 ASCII', 'a'.repeat(300), []],
    ['301 ASCII', 'a'.repeat(301), ['too_long']],
    ['300 skin-tone emoji', '👍🏽'.repeat(300), []],
    ['301 skin-tone emoji', '👍🏽'.repeat(301), ['too_long']],
    ['family emoji: 300 graphemes but 5400 bytes', '👨‍👩‍👧'.repeat(300), ['too_many_bytes']],
    ['300 decomposed accents', 'e\u0301'.repeat(300), []],
    ['flags count once', '🇫🇷'.repeat(300), []],
  ])('Bluesky: %s', (_label, text, expected) => {
    expect(codes(variant(text), bluesky)).toEqual(expected);
  });

  it('Bluesky counts a URL as typed and points at the first grapheme over the limit', () => {
    const text = `${'é'.repeat(290)} https://example.com/long`;
    const [issue] = validateVariant(variant(text), bluesky, noAlt);
    expect(issue).toMatchObject({ code: 'too_long', limit: 300, actual: 315, start: 300, end: text.length });
  });

  it('Bluesky refuses more than 3000 UTF-8 bytes even under 300 graphemes', () => {
    // Each grapheme: a base letter plus 6 combining marks (2 bytes each) = 13 bytes.
    const wide = `a${'\u0301'.repeat(6)}`.repeat(250);
    const issues = validateVariant(variant(wide), bluesky, noAlt);
    expect(issues.map((i) => i.code)).toEqual(['too_many_bytes']);
    expect(issues[0]?.actual).toBe(3250);
  });

  it.each([
    ['long URL counts 23', `${'a'.repeat(476)} https://example.com/${'x'.repeat(200)}`, 500, []],
    ['just over with a URL', `${'a'.repeat(477)} https://e.co`, 501, ['too_long']],
    ['remote mention counts by username', `${'a'.repeat(494)} @bob@mastodon.example`, 499, []],
    ['short URL still counts 23', `${'a'.repeat(470)} https://a.b`, 494, []],
  ])('Mastodon: %s', (_label, text, length, expected) => {
    const v = variant(text, { network: 'mastodon' });
    expect(codes(v, mastodon)).toEqual(expected);
    expect(
      measureText(text, { urlWeight: 23, shortenRemoteMentions: true, countsGraphemes: true }, 500).length,
    ).toBe(length);
  });

  it('Mastodon counts the content warning and starts the overflow inside the text', () => {
    const v = variant('a'.repeat(495), { network: 'mastodon', contentWarning: 'spoilers!!' });
    expect(validateVariant(v, mastodon, noAlt)[0]).toMatchObject({
      code: 'too_long',
      actual: 505,
      start: 490,
    });
  });

  it('points at the start of a URL that crosses the limit', () => {
    const text = `${'a'.repeat(490)} https://example.com/x`;
    expect(validateVariant(variant(text, { network: 'mastodon' }), mastodon, noAlt)[0]).toMatchObject({
      start: 491,
      actual: 514,
    });
  });

  it('uses the instance’s own limit and URL weight', () => {
    const v = variant(`${'a'.repeat(100)} https://example.com/abc`, { network: 'mastodon' });
    expect(codes(v, caps({ maxChars: 110, urlWeight: 9 }))).toEqual([]);
    expect(codes(v, caps({ maxChars: 109, urlWeight: 9 }))).toEqual(['too_long']);
  });

  it.each([
    'plain text',
    'Hi https://example.com/a?b=1, and @bob@mastodon.example!',
    '👩🏽‍💻 é https://a.co/x. @x@y.z https://b.example',
    'http://x.example.org/(paren) @a@b.c.d',
  ])('agrees with text/url-weight mastodonLength on %j', (text) => {
    expect(
      measureText(text, { urlWeight: 23, shortenRemoteMentions: true, countsGraphemes: true }, 500).length,
    ).toBe(mastodonLength(text, { urlWeight: 23 }));
  });

  it('counts code points when the network does not count graphemes', () => {
    expect(
      measureText('👨‍👩‍👧', { urlWeight: null, shortenRemoteMentions: false, countsGraphemes: false }, 10).length,
    ).toBe(5);
  });
});

describe('content and media', () => {
  it.each([
    ['empty', variant('   '), ['empty']],
    ['media only is fine', variant('', { media: [image()] }), []],
    ['feeds cannot be published to', variant('hi', { network: 'rss' }), ['cannot_publish']],
    [
      'five images',
      variant('x', { media: [image(), image(), image(), image(), image()] }),
      ['too_many_media'],
    ],
    ['image too large', variant('x', { media: [image({ bytes: 1_000_001 })] }), ['media_too_large']],
    [
      'unsupported type',
      variant('x', { media: [image({ mimeType: 'image/tiff' })] }),
      ['media_type_unsupported'],
    ],
    [
      'video with an image',
      variant('x', { media: [image(), image({ kind: 'video', mimeType: 'video/mp4' })] }),
      ['media_mixed'],
    ],
    [
      'video alone',
      variant('x', { media: [image({ kind: 'video', mimeType: 'video/mp4', bytes: 50_000_000 })] }),
      [],
    ],
    [
      'video too large',
      variant('x', { media: [image({ kind: 'video', mimeType: 'video/mp4', bytes: 200_000_000 })] }),
      ['media_too_large'],
    ],
    [
      'audio on Bluesky',
      variant('x', { media: [image({ kind: 'audio', mimeType: 'audio/mpeg' })] }),
      ['media_type_unsupported'],
    ],
    ['alt text too long', variant('x', { media: [image({ alt: 'a'.repeat(2001) })] }), ['alt_text_too_long']],
  ])('Bluesky: %s → %j', (_label, v, expected) => {
    expect(codes(v, bluesky)).toEqual(expected);
  });

  it('Mastodon takes audio and uses its own alt limit', () => {
    const audio = variant('x', {
      network: 'mastodon',
      media: [image({ kind: 'audio', mimeType: 'audio/mpeg' })],
    });
    expect(codes(audio, mastodon)).toEqual([]);
    expect(
      codes(variant('x', { network: 'mastodon', media: [image({ alt: 'a'.repeat(1501) })] }), mastodon),
    ).toEqual(['alt_text_too_long']);
  });

  it('requires alt text on images and video when the setting says so, pointing at each attachment', () => {
    const v = variant('x', { media: [image(), image({ alt: '  ' }), image({ alt: '' })] });
    expect(codes(v, bluesky)).toEqual([]);
    const issues = validateVariant(v, bluesky, { requireAltText: true });
    expect(issues.map((i) => [i.code, i.mediaIndex])).toEqual([
      ['alt_text_missing', 1],
      ['alt_text_missing', 2],
    ]);
  });
});
