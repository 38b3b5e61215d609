// Punycode, the look-alike skeleton, host parsing and the block-list file format.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { blockListEntryFor, parseBlockList } from '../../../src-shared/guards/block-list.ts';
import { skeleton } from '../../../src-shared/guards/confusables.ts';
import { normaliseDomain, parseLinkHost } from '../../../src-shared/guards/hosts.ts';
import { decodePunycode, hostToUnicode } from '../../../src-shared/guards/punycode.ts';

describe('punycode', () => {
  it.each([
    ['mnchen-3ya', 'münchen'],
    ['bcher-kva', 'bücher'],
    ['exmple-cua', 'exämple'],
    ['exmple-4nf', 'exаmple'], // Cyrillic а
    ['wgv71a119e', '日本語'],
    ['q9jyb4c', 'みんな'],
    ['abc-', 'abc'],
  ])('decodes %s → %s', (encoded, decoded) => {
    expect(decodePunycode(encoded)).toBe(decoded);
  });

  it.each(['abc-!!', 'zz-9999999999', '\u00e9-abc'])('rejects invalid input %j', (bad) => {
    expect(decodePunycode(bad)).toBeNull();
  });

  it('decodes only xn-- labels of a host', () => {
    expect(hostToUnicode('www.xn--mnchen-3ya.de')).toBe('www.münchen.de');
    expect(hostToUnicode('xn--broken!.com')).toBe('xn--broken!.com');
  });
});

describe('skeleton', () => {
  it.each([
    ['exаmple.com', 'example.com'], // Cyrillic а
    ['ехамрlе.com', 'example.com'], // Cyrillic е х а м р, Latin l
    ['examp1e.com', 'example.com'],
    ['ex0mple.com', 'exomple.com'],
    ['rnicrosoft.com', 'microsoft.com'],
    ['εχαmρlε.com', 'example.com'], // Greek ε χ α ρ
    ['gοοgle.com', 'google.com'], // Greek ο
    ['κιτ.ντυ', 'kit.vtu'], // Greek κ ι τ ν τ υ
    ['EXAMPLE.COM', 'example.com'],
    ['exämple.com', 'example.com'],
    ['ѕеrvісе.com', 'service.com'], // Cyrillic ѕ е і с
    ['vvikipedia.org', 'wikipedia.org'],
    ['example.com', 'example.com'],
  ])('%s reads as %s', (input, expected) => {
    expect(skeleton(input)).toBe(expected);
  });
});

describe('parseLinkHost', () => {
  it.each([
    ['https://Example.COM:8443/path?q#f', 'example.com', null],
    ['https://example.com.', 'example.com', null],
    ['https://example.com@evil.net/login', 'evil.net', 'example.com'],
    ['https://user:pw@evil.net', 'evil.net', 'user:pw'],
    ['http://xn--mnchen-3ya.de/', 'xn--mnchen-3ya.de', null],
    ['https://exаmple。com/x', 'exаmple.com', null],
    ['example.com/path', 'example.com', null],
  ])('%s → host %s', (url, host, userinfo) => {
    const parsed = parseLinkHost(url);
    expect(parsed?.host).toBe(host);
    expect(parsed?.userinfo).toBe(userinfo);
  });

  it('gives no host for IPv6 literals and empty hosts', () => {
    expect(parseLinkHost('https://[::1]/')).toBeNull();
    expect(parseLinkHost('https:///path')).toBeNull();
  });

  it.each([
    ['Example.COM', 'example.com'],
    ['@example.com', 'example.com'],
    ['*.example.com', 'example.com'],
    ['https://example.com/x', 'example.com'],
    ['localhost', null],
    ['', null],
  ])('normaliseDomain(%j) → %j', (input, expected) => {
    expect(normaliseDomain(input)).toBe(expected);
  });
});

describe('block list', () => {
  const list = parseBlockList(
    [
      '# comment line',
      '',
      'evil.net',
      'Phish.EXAMPLE   # trailing comment',
      '*.wild.org',
      'xn--mnchen-3ya.de',
      'not a domain',
      'ok.io',
    ].join('\n'),
  );

  it('collects domains and reports lines that are not domains', () => {
    expect(list.invalid).toEqual([{ line: 7, text: 'not a domain' }]);
    expect(list.domains.has('evil.net')).toBe(true);
    expect(list.domains.has('phish.example')).toBe(true);
  });

  it.each([
    ['evil.net', 'evil.net'],
    ['login.evil.net', 'evil.net'],
    ['a.b.evil.net', 'evil.net'],
    ['notevil.net', null],
    ['evil.net.example.org', null],
    ['phish.example', 'phish.example'],
    ['x.wild.org', 'wild.org'],
    ['münchen.de', 'xn--mnchen-3ya.de'],
    ['shop.xn--mnchen-3ya.de', 'xn--mnchen-3ya.de'],
    ['ok.io', 'ok.io'],
    ['io', null],
  ])('%s → %j', (host, entry) => {
    expect(blockListEntryFor(list, host)).toBe(entry);
  });

  it('ships a default list that parses cleanly', () => {
    const source = readFileSync(
      new URL('../../../resources/blocklists/default.txt', import.meta.url),
      'utf8',
    );
    const parsed = parseBlockList(source);
    expect(parsed.invalid).toEqual([]);
    expect(blockListEntryFor(parsed, 'www.grabify.link')).toBe('grabify.link');
    expect(blockListEntryFor(parsed, 'x.blocked.example')).toBe('blocked.example');
  });
});
