// Blocked terms (case/accent-insensitive, whole words, positions in the original text) and duplicates
// within the 24-hour window.
import { describe, expect, it } from 'vitest';
import { blockedTermRule, findBlockedTerms } from '../../../src-shared/guards/blocked-terms.ts';
import { duplicateRule, normaliseForDuplicate } from '../../../src-shared/guards/duplicate-rule.ts';
import { NOW, context, post, target } from './fixtures.ts';

describe('blocked terms', () => {
  const terms = ['crypto', 'café noir', 'Straße', 'naïve'];

  it.each([
    ['Buy CRYPTO now', 'CRYPTO'],
    ['#crypto!', 'crypto'],
    ['un CAFÉ   Noir svp', 'CAFÉ   Noir'],
    ['Un cafe noir.', 'cafe noir'],
    ['Die STRASSE ist', 'STRASSE'],
    ['die straße', 'straße'],
    ['so naive', 'naive'],
    ['so nai\u0308ve', 'nai\u0308ve'], // decomposed ï
    ['l’crypto', 'crypto'],
  ])('%j matches %j', (text, matched) => {
    const [match] = findBlockedTerms(text, terms);
    expect(match?.matched).toBe(matched);
    expect(text.slice(match?.start, match?.end)).toBe(matched);
  });

  it.each(['cryptocurrency', 'cryptos', 'anticrypto', 'crypto_fan', 'cafés noirs', '2crypto'])(
    '%j does not match',
    (text) => {
      expect(findBlockedTerms(text, terms)).toEqual([]);
    },
  );

  it('keeps positions right after emoji and accents', () => {
    const text = '👩🏽‍💻 Éé crypto';
    const [match] = findBlockedTerms(text, terms);
    expect(match?.start).toBe(text.indexOf('crypto'));
    expect(match?.end).toBe(text.length);
  });

  it('treats terms literally, not as patterns', () => {
    expect(findBlockedTerms('a.b', ['a.b'])).toHaveLength(1);
    expect(findBlockedTerms('axb', ['a.b'])).toEqual([]);
    expect(findBlockedTerms('anything', ['', '  '])).toEqual([]);
  });

  it('blocks, naming each account whose text contains the term', () => {
    const decisions = blockedTermRule(
      post([target('crypto', 'a'), target('nothing', 'b')]),
      context({ blockedTerms: terms }),
    );
    expect(decisions.map((d) => [d.level, d.accountIds])).toEqual([['block', ['a']]]);
  });

  it('reports a repeated term once per account, at its first occurrence', () => {
    const decisions = blockedTermRule(
      post([target('x crypto y CRYPTO', 'a')]),
      context({ blockedTerms: terms }),
    );
    expect(decisions.map((d) => d.detail)).toEqual([
      { guard: 'blocked-term', term: 'crypto', matched: 'crypto', start: 2, end: 8 },
    ]);
  });
});

describe('duplicates', () => {
  const hoursAgo = (h: number) => new Date(NOW - h * 3_600_000).toISOString();

  it('folds case, accents and spacing', () => {
    expect(normaliseForDuplicate('  Été\n\nSOLDES  ')).toBe(normaliseForDuplicate('ete soldes'));
    expect(normaliseForDuplicate('Sale')).not.toBe(normaliseForDuplicate('Sales'));
  });

  it.each([
    ['same text 1 h ago', 'Big sale today', 1, 'acct-brand', true],
    ['different spacing and case 23 h ago', 'big   SALE today', 23, 'acct-brand', true],
    ['exactly 24 h ago', 'Big sale today', 24, 'acct-brand', false],
    ['25 h ago', 'Big sale today', 25, 'acct-brand', false],
    ['other account', 'Big sale today', 1, 'acct-team', false],
    ['different text', 'Big sale tomorrow', 1, 'acct-brand', false],
  ])('%s → duplicate: %s', (_label, earlierText, hours, accountId, duplicate) => {
    const ctx = context({ recentPosts: [{ accountId, text: earlierText, postedAt: hoursAgo(hours) }] });
    const decisions = duplicateRule(post('Big sale today'), ctx);
    expect(decisions.length > 0).toBe(duplicate);
    if (duplicate) expect(decisions[0]?.level).toBe('confirm');
  });

  it('compares a scheduled post around its scheduled time', () => {
    const ctx = context({ recentPosts: [{ accountId: 'acct-brand', text: 'Hello', postedAt: hoursAgo(1) }] });
    const tomorrow = new Date(NOW + 30 * 3_600_000).toISOString();
    expect(duplicateRule(post('Hello', { scheduledAt: tomorrow }), ctx)).toEqual([]);
    const soon = new Date(NOW + 3_600_000).toISOString();
    expect(duplicateRule(post('Hello', { scheduledAt: soon }), ctx)).toHaveLength(1);
  });

  it('ignores media-only posts', () => {
    const ctx = context({ recentPosts: [{ accountId: 'acct-brand', text: '', postedAt: hoursAgo(1) }] });
    expect(duplicateRule(post(' '), ctx)).toEqual([]);
  });
});
