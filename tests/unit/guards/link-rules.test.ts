// Link guards, table-driven: look-alikes of the organisation's domains, Punycode, the block list,
// shorteners and link text that names another domain than the target.
import { describe, expect, it } from 'vitest';
import { parseBlockList } from '../../../src-shared/guards/block-list.ts';
import { linkRule } from '../../../src-shared/guards/link-rules.ts';
import { linkTextRule, shownDomain } from '../../../src-shared/guards/link-text-rule.ts';
import type { GuardId, GuardLevel } from '../../../src-shared/guards/types.ts';
import { context, post } from './fixtures.ts';

const ctx = context({
  orgDomains: ['example.com', 'microsoft.com', 'roost.social'],
  blockList: parseBlockList('evil.net\nbad.example\n'),
});

function found(text: string): Array<[GuardId, GuardLevel, string]> {
  return linkRule(post(text), ctx).map((d) => [
    d.guard,
    d.level,
    'technique' in d.detail ? d.detail.technique : '',
  ]);
}

describe('look-alike domains', () => {
  it.each([
    ['Cyrillic а', 'https://exаmple.com/offer', 'homoglyph'],
    ['Punycode of exämple', 'https://xn--exmple-cua.com', 'homoglyph'],
    ['Punycode of Cyrillic а', 'https://xn--exmple-4nf.com/login', 'homoglyph'],
    ['digit one for l', 'https://examp1e.com', 'homoglyph'],
    ['rn for m', 'https://rnicrosoft.com/account', 'homoglyph'],
    ['homoglyph subdomain', 'https://login.exаmple.com', 'homoglyph'],
    ['same name, other TLD, disguised', 'https://examp1e.net', 'homoglyph'],
    ['Greek omicron', 'https://rοost.social', 'homoglyph'],
    ['bare domain with homoglyph', 'go to exаmple.com today', 'homoglyph'],
    ['embedded at the start', 'https://example.com.evil.io/login', 'embedded-domain'],
    ['embedded deeper', 'https://secure.example.com.evil.io', 'embedded-domain'],
    ['hyphenated', 'https://example-com.net', 'hyphenated-domain'],
    ['hyphenated with prefix', 'https://secure-example-com.net', 'hyphenated-domain'],
    ['userinfo', 'https://example.com@evil.io/', 'userinfo'],
  ])('%s (%s) is blocked as %s', (_label, text, technique) => {
    expect(found(text)).toContainEqual(['link-lookalike', 'block', technique]);
  });

  it.each([
    ['word before the brand', 'https://login-example.com'],
    ['word after the brand', 'https://example-support.org'],
  ])('%s (%s) asks for confirmation', (_label, text) => {
    expect(found(text)).toContainEqual(['link-lookalike', 'confirm', 'affixed-label']);
  });

  it.each([
    ['our domain', 'https://example.com/offer'],
    ['our subdomain', 'https://shop.example.com/x'],
    ['unrelated domain', 'https://wikipedia.org/wiki/Example'],
    ['same name, other TLD, not disguised', 'https://example.net'],
    ['brand as part of a longer word', 'https://examples.org'],
    ['path containing our domain', 'https://news.org/example.com'],
  ])('%s (%s) raises nothing', (_label, text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('internationalised domains', () => {
  it('warns for an xn-- host that imitates nothing, showing how it reads', () => {
    const [decision] = linkRule(post('https://xn--mnchen-3ya.de/'), ctx);
    expect(decision?.guard).toBe('link-punycode');
    expect(decision?.level).toBe('warn');
    expect(decision?.message).toContain('münchen.de');
  });
  it('warns for a host typed in Unicode', () => {
    expect(found('https://münchen.de')).toEqual([['link-punycode', 'warn', '']]);
  });
});

describe('block list', () => {
  it.each([
    ['https://evil.net/x', true],
    ['https://login.evil.net', true],
    ['see deep.sub.evil.net', true],
    ['https://bad.example', true],
    ['https://notevil.net', false],
    ['https://evil.network', false],
  ])('%s blocked: %s', (text, blocked) => {
    expect(found(text).some(([guard, level]) => guard === 'link-blocklist' && level === 'block')).toBe(
      blocked,
    );
  });
});

describe('shorteners', () => {
  it.each([
    'https://bit.ly/3abc',
    'https://t.co/xyz',
    'https://tinyurl.com/y',
    'https://ow.ly/z',
    'https://buff.ly/a',
    'https://goo.gl/b',
    'https://is.gd/c',
  ])('%s is a shortener chain', (text) => {
    const decisions = linkRule(post(text), ctx);
    expect(decisions).toHaveLength(1);
    expect(decisions[0]?.guard).toBe('link-shortener');
    expect(decisions[0]?.message).toContain('shortener chain — cannot verify the destination');
  });

  it('does not flag a shortener the organisation owns', () => {
    expect(linkRule(post('https://go.example.com/x https://bitly.example.com'), ctx)).toEqual([]);
  });

  it('reports one decision per link even when a text repeats it', () => {
    expect(linkRule(post('https://bit.ly/a and again https://bit.ly/a'), ctx)).toHaveLength(1);
  });
});

describe('link text naming another domain', () => {
  function mismatches(text: string) {
    return linkTextRule(post(text), ctx).map((d) => [
      d.level,
      d.detail.guard === 'link-text-mismatch' ? d.detail.form : '',
    ]);
  }

  it.each([
    ['our domain over a foreign link', '[example.com](https://evil.io/login)', 'block', 'markdown'],
    ['a URL as text over a foreign link', '[https://example.com/sale](https://evil.io)', 'block', 'markdown'],
    ['a foreign domain over another one', '[wikipedia.org](https://evil.io)', 'confirm', 'markdown'],
    [
      'our domain in words, foreign link',
      'Our new site example.com is live: https://evil.io/x',
      'confirm',
      'bare-text',
    ],
    [
      'a foreign domain in words, other link',
      'Read it on lemonde.fr https://bit.ly/abc',
      'warn',
      'bare-text',
    ],
  ])('%s', (_label, text, level, form) => {
    expect(mismatches(text)).toContainEqual([level, form]);
  });

  it.each([
    ['same domain', '[example.com](https://example.com/sale)'],
    ['www and subdomain', '[www.example.com](https://shop.example.com)'],
    ['descriptive text', '[our spring sale](https://evil.io)'],
    ['not a domain', '[Node.js](https://nodejs.org)'],
    ['domain in words that is also linked', 'Visit example.com: https://example.com/sale'],
    ['domain in words, no explicit link', 'Visit example.com and wikipedia.org'],
  ])('%s raises nothing', (_label, text) => {
    expect(mismatches(text)).toEqual([]);
  });

  it.each([
    ['example.com', 'example.com'],
    ['www.example.com/path', 'example.com'],
    ['https://Example.com', 'example.com'],
    ['https://intranet.corp', 'intranet.corp'],
    ['intranet.corp', null],
    ['Node.js', null],
    ['click here', null],
  ])('shownDomain(%j) → %j', (text, expected) => {
    expect(shownDomain(text)).toBe(expected);
  });
});
