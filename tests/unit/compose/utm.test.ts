// UTM tagging: existing utm_* parameters win, other parameters and fragments are kept exactly.
import { describe, expect, it } from 'vitest';
import { addUtmToText, addUtmToUrl, utmParamsFor } from '../../../src-shared/compose/utm.ts';

const params = utmParamsFor('mastodon', { campaign: 'spring', content: 'v1' });

describe('addUtmToUrl', () => {
  it.each([
    [
      'no query',
      'https://example.com/a',
      'https://example.com/a?utm_source=mastodon&utm_medium=social&utm_campaign=spring&utm_content=v1',
    ],
    [
      'no path',
      'https://example.com',
      'https://example.com?utm_source=mastodon&utm_medium=social&utm_campaign=spring&utm_content=v1',
    ],
    [
      'other params kept first',
      'https://example.com/a?id=7&x=%20y',
      'https://example.com/a?id=7&x=%20y&utm_source=mastodon&utm_medium=social&utm_campaign=spring&utm_content=v1',
    ],
    [
      'fragment kept last',
      'https://example.com/a#top',
      'https://example.com/a?utm_source=mastodon&utm_medium=social&utm_campaign=spring&utm_content=v1#top',
    ],
    [
      'query and fragment',
      'https://example.com/?q=1#s?x=1',
      'https://example.com/?q=1&utm_source=mastodon&utm_medium=social&utm_campaign=spring&utm_content=v1#s?x=1',
    ],
    [
      'existing utm_source kept',
      'https://example.com/?utm_source=news',
      'https://example.com/?utm_source=news&utm_medium=social&utm_campaign=spring&utm_content=v1',
    ],
    [
      'existing UTM in another case kept',
      'https://example.com/?UTM_Campaign=x',
      'https://example.com/?UTM_Campaign=x&utm_source=mastodon&utm_medium=social&utm_content=v1',
    ],
    [
      'encoded key recognised',
      'https://example.com/?utm%5Fmedium=email',
      'https://example.com/?utm%5Fmedium=email&utm_source=mastodon&utm_campaign=spring&utm_content=v1',
    ],
    [
      'dangling ampersand',
      'https://example.com/?a=1&',
      'https://example.com/?a=1&utm_source=mastodon&utm_medium=social&utm_campaign=spring&utm_content=v1',
    ],
    [
      'empty query',
      'https://example.com/?',
      'https://example.com/?utm_source=mastodon&utm_medium=social&utm_campaign=spring&utm_content=v1',
    ],
  ])('%s', (_label, url, expected) => {
    expect(addUtmToUrl(url, params)).toBe(expected);
  });

  it('leaves a fully tagged URL untouched', () => {
    const url = 'https://example.com/?utm_source=a&utm_medium=b&utm_campaign=c&utm_content=d#f';
    expect(addUtmToUrl(url, params)).toBe(url);
  });

  it('encodes values and skips empty ones', () => {
    const p = utmParamsFor('bluesky', { campaign: 'été & co', medium: 'organic' });
    expect(addUtmToUrl('https://example.com', p)).toBe(
      'https://example.com?utm_source=bluesky&utm_medium=organic&utm_campaign=%C3%A9t%C3%A9%20%26%20co',
    );
  });
});

describe('addUtmToText', () => {
  const text =
    'New: https://example.com/sale, also https://shop.example.com/x?a=1#b and https://partner.org/p. Bare example.com stays.';

  it('tags every http(s) link and keeps surrounding punctuation and bare domains as typed', () => {
    const result = addUtmToText(text, 'bluesky', { campaign: 'spring' });
    expect(result.text).toBe(
      'New: https://example.com/sale?utm_source=bluesky&utm_medium=social&utm_campaign=spring, also ' +
        'https://shop.example.com/x?a=1&utm_source=bluesky&utm_medium=social&utm_campaign=spring#b and ' +
        'https://partner.org/p?utm_source=bluesky&utm_medium=social&utm_campaign=spring. Bare example.com stays.',
    );
    expect(result.changed.map((c) => c.from)).toEqual([
      'https://example.com/sale',
      'https://shop.example.com/x?a=1#b',
      'https://partner.org/p',
    ]);
  });

  it('limits tagging to the organisation’s domains when asked', () => {
    const result = addUtmToText(text, 'mastodon', { campaign: 'spring', onlyDomains: ['Example.com'] });
    expect(result.changed.map((c) => c.from)).toEqual([
      'https://example.com/sale',
      'https://shop.example.com/x?a=1#b',
    ]);
    expect(result.text).toContain('https://partner.org/p.');
  });

  it('returns the text unchanged when there is nothing to tag', () => {
    expect(addUtmToText('no links here', 'bluesky', { campaign: 'x' })).toEqual({
      text: 'no links here',
      changed: [],
    });
  });
});

describe('links left untagged', () => {
  it('never tags links to an excepted domain, such as a shortener’s short links', () => {
    const text = 'Read https://sho.rt/abc and https://example.com/page';
    const result = addUtmToText(text, 'bluesky', { campaign: 'launch', exceptDomains: ['sho.rt'] });
    expect(result.text).toContain('https://sho.rt/abc ');
    expect(result.text).toMatch(/https:\/\/example\.com\/page\?utm_source=/);
  });
});
