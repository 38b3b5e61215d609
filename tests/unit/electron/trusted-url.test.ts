// Which URLs may open in the system browser and which count as the app's own pages, including look-alikes.
import { describe, expect, it } from 'vitest';
import { isAppUrl, isSafeExternalUrl, safeExternalUrl } from '../../../src-main/electron/trusted-url.ts';

describe('isSafeExternalUrl', () => {
  it.each([
    'https://bsky.app/profile/alice.example',
    'http://example.com/',
    'https://example.com:8443/path?q=1#frag',
    'http://localhost.evil.example/',
    'HTTPS://EXAMPLE.COM/',
  ])('allows %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'file:///etc/passwd',
    'data:text/html,<script>alert(1)</script>',
    'app://roost/index.html',
    'ftp://example.com/',
    'mailto:someone@example.com',
    'smb://server/share',
    'https://user:pass@example.com/',
    'https://user@example.com/',
    'https://example.com@evil.example/',
    ' https://example.com/',
    'https://example.com/ ',
    'java\tscript:alert(1)',
    'https://example.com\n@evil.example/',
    'https://exa\u200bmple.com/',
    '\u202ehttps://example.com/',
    '//example.com/',
    'example.com',
    '',
    `https://example.com/${'a'.repeat(9000)}`,
  ])('refuses %j', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false);
  });

  it('refuses values that are not strings', () => {
    expect(isSafeExternalUrl(undefined)).toBe(false);
    expect(isSafeExternalUrl(null)).toBe(false);
    expect(isSafeExternalUrl({ href: 'https://example.com/' })).toBe(false);
  });

  it('returns the normalised URL to open', () => {
    expect(safeExternalUrl('HTTPS://Example.COM/a/../b')).toBe('https://example.com/b');
    // The parser repairs a missing slash; what is opened is the repaired, unambiguous form.
    expect(safeExternalUrl('https:/example.com')).toBe('https://example.com/');
    expect(safeExternalUrl('javascript:alert(1)')).toBeNull();
  });
});

describe('isAppUrl', () => {
  it.each([
    'app://roost/',
    'app://roost/index.html',
    'app://roost/assets/index-abc.js?x=1#y',
    'APP://roost/',
  ])('accepts %s', (url) => {
    expect(isAppUrl(url)).toBe(true);
  });

  it.each([
    'app://roost.evil/',
    'app://roost.evil.example/index.html',
    'app://evil/roost/',
    'app://roost@evil/',
    'app://evil@roost/',
    'app://user:pass@roost/',
    'app://roost:8080/',
    'http://roost/',
    'https://roost/',
    'http://localhost/',
    'http://localhost.evil.example/',
    'file:///app/dist/renderer/index.html',
    'javascript:location="app://roost/"',
    'data:text/html,app://roost/',
    ' app://roost/',
    'app://roost/\n',
    'app:roost/',
    'app:/roost/',
    '',
  ])('refuses %j', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });

  it('refuses missing URLs', () => {
    expect(isAppUrl(undefined)).toBe(false);
    expect(isAppUrl(null)).toBe(false);
  });
});
