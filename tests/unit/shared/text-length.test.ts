// Grapheme counting and each network's idea of a post's length.
import { describe, expect, it } from 'vitest';
import { countGraphemes, splitGraphemes, truncateGraphemes } from '../../../src-shared/text/graphemes.ts';
import {
  BLUESKY_MAX_GRAPHEMES,
  checkBlueskyLength,
  checkMastodonLength,
  findUrls,
  mastodonLength,
} from '../../../src-shared/text/url-weight.ts';

describe('graphemes', () => {
  it.each([
    ['', 0],
    ['hello', 5],
    ['café', 4],
    ['cafe\u0301', 4], // e + combining acute is one character on screen
    ['👍🏽', 1], // skin-tone modifier
    ['👨‍👩‍👧‍👦', 1], // family ZWJ sequence
    ['🇫🇷🇬🇧', 2], // two flags
    ['a\r\nb', 3],
  ])('%j has %i graphemes', (text, count) => {
    expect(countGraphemes(text)).toBe(count);
  });

  it('splits and truncates without cutting a cluster in half', () => {
    expect(splitGraphemes('é👍🏽!')).toEqual(['é', '👍🏽', '!']);
    expect(truncateGraphemes('ab👨‍👩‍👧‍👦cd', 3)).toBe('ab👨‍👩‍👧‍👦');
    expect(truncateGraphemes('abc', 5)).toBe('abc');
    expect(truncateGraphemes('abc', 0)).toBe('');
  });
});

describe('Mastodon length', () => {
  const longUrl = `https://example.com/${'x'.repeat(100)}`;

  it('counts every URL as 23 characters, whatever its length', () => {
    expect(mastodonLength(`see ${longUrl}`)).toBe(4 + 23);
    expect(mastodonLength('see https://a.co')).toBe(4 + 23);
  });

  it('takes the weight from the instance when it says otherwise', () => {
    expect(mastodonLength(`see ${longUrl}`, { urlWeight: 30 })).toBe(4 + 30);
  });

  it('leaves sentence punctuation after a URL outside it', () => {
    expect(findUrls('Read https://example.com/a.').map((u) => u.url)).toEqual(['https://example.com/a']);
    expect(mastodonLength('(https://example.com).')).toBe(1 + 23 + 2);
  });

  it('counts a remote mention by its username only, and the content warning too', () => {
    expect(mastodonLength('@alice@mastodon.social hi')).toBe('@alice hi'.length);
    expect(mastodonLength('hi', { spoilerText: 'CW' })).toBe(4);
  });

  it('reports what is left against the instance maximum', () => {
    const check = checkMastodonLength('x'.repeat(480) + ` ${longUrl}`, { maxCharacters: 500 });
    expect(check).toEqual({ length: 504, max: 500, remaining: -4, ok: false });
  });
});

describe('Bluesky length', () => {
  it('allows exactly 300 graphemes, emoji counting as one', () => {
    expect(checkBlueskyLength('👍'.repeat(BLUESKY_MAX_GRAPHEMES)).ok).toBe(true);
    const over = checkBlueskyLength('é'.repeat(301));
    expect(over.ok).toBe(false);
    expect(over.remaining).toBe(-1);
  });

  it('counts a link in full, as it is posted', () => {
    expect(checkBlueskyLength('https://example.com/abc').length).toBe(23);
  });

  it('also enforces the byte cap for very wide clusters', () => {
    const wide = '👨‍👩‍👧‍👦'.repeat(200); // 200 graphemes, 25 bytes each
    expect(checkBlueskyLength(wide)).toMatchObject({ length: 200, ok: false });
  });
});
