// Bare domains are linked against the full IANA list (the `tlds` package, as Bluesky does), while names
// whose ending is no top-level domain — `Node.js`, `file.txt` — stay plain text.
import { describe, expect, it } from 'vitest';
import { findLinks } from '../../../src-shared/compose/links.ts';
import { isKnownTld } from '../../../src-shared/compose/tlds.ts';
import { shownDomain } from '../../../src-shared/guards/link-text-rule.ts';

describe('top-level domains', () => {
  it.each(['com', 'FR', 'museum', 'photography', 'bzh', 'social'])('%s is a TLD', (tld) => {
    expect(isKnownTld(tld)).toBe(true);
  });

  it.each(['js', 'txt', 'exe', 'png', 'localhost', ''])('%j is not a TLD', (tld) => {
    expect(isKnownTld(tld)).toBe(false);
  });

  it('links bare domains under any real TLD, not file or library names', () => {
    const text = 'Node.js and file.txt, but see louvre.museum and roost.photography';
    expect(findLinks(text).map((l) => l.href)).toEqual([
      'https://louvre.museum',
      'https://roost.photography',
    ]);
  });

  it('reads link text as a domain only when its ending is a real TLD', () => {
    expect(shownDomain('louvre.museum')).toBe('louvre.museum');
    expect(shownDomain('Node.js')).toBeNull();
  });
});
