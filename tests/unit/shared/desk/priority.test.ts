// The priority score: each rule adds its points (terms on word boundaries, ignoring case and accents; VIP
// contacts; followers over the threshold; negative sentiment; network) and the order is score, then age.
import { describe, expect, test } from 'vitest';
import {
  byPriority,
  DEFAULT_PRIORITY_RULES,
  scorePriority,
  type PriorityInput,
  type PriorityRules,
} from '../../../../src-shared/desk/priority.ts';

const rules: PriorityRules = {
  terms: [
    { text: 'refund', points: 30 },
    { text: 'account hacked', points: 50 },
    { text: 'remboursé', points: 30 },
  ],
  vipContacts: ['@vip.test'],
  vipPoints: 40,
  followerThreshold: 1_000,
  followerPoints: 15,
  negativeSentimentPoints: 10,
  networkPoints: { mastodon: 5 },
};

const input = (over: Partial<PriorityInput>): PriorityInput => ({
  text: 'hello there',
  lang: 'en',
  contactId: 'did:plc:alice',
  contactHandle: 'alice.test',
  followers: 10,
  network: 'bluesky',
  ...over,
});

describe('priority score', () => {
  test('a neutral message from an ordinary contact scores zero', () => {
    expect(scorePriority(input({}), rules)).toEqual({ score: 0, reasons: [] });
  });

  test('terms match whole words and phrases, ignoring case and accents', () => {
    const termsOnly = { ...rules, negativeSentimentPoints: 0 };
    expect(scorePriority(input({ text: 'I want a REFUND please' }), termsOnly).score).toBe(30);
    expect(scorePriority(input({ text: 'refunds' }), termsOnly).score).toBe(0);
    expect(scorePriority(input({ text: 'my account, hacked!' }), termsOnly).score).toBe(50);
    expect(
      scorePriority(input({ text: 'pas encore rembourse', lang: 'fr' }), termsOnly).reasons,
    ).toContainEqual({
      kind: 'term',
      text: 'remboursé',
      points: 30,
    });
  });

  test('VIP by handle or id, followers strictly over the threshold, network points', () => {
    expect(scorePriority(input({ contactHandle: 'VIP.test' }), rules).score).toBe(40);
    expect(scorePriority(input({ followers: 1_000 }), rules).score).toBe(0);
    expect(scorePriority(input({ followers: 1_001 }), rules).score).toBe(15);
    expect(scorePriority(input({ followers: null }), rules).score).toBe(0);
    expect(scorePriority(input({ network: 'mastodon' }), rules).score).toBe(5);
  });

  test('negative sentiment adds its points, in English and French', () => {
    expect(scorePriority(input({ text: 'This is terrible, awful service' }), rules).score).toBe(10);
    expect(scorePriority(input({ text: 'Service horrible, je suis déçu', lang: 'fr' }), rules).score).toBe(
      10,
    );
  });

  test('rules add up', () => {
    const score = scorePriority(
      input({
        text: 'Terrible: my account hacked and no refund',
        contactHandle: 'vip.test',
        followers: 5_000,
      }),
      rules,
    );
    expect(score.score).toBe(30 + 50 + 40 + 15 + 10);
  });

  test('the default rules know hacked accounts in both languages', () => {
    expect(
      scorePriority(input({ text: 'my account was hacked' }), DEFAULT_PRIORITY_RULES).score,
    ).toBeGreaterThan(0);
    expect(
      scorePriority(input({ text: 'compte piraté', lang: 'fr' }), DEFAULT_PRIORITY_RULES).score,
    ).toBeGreaterThan(0);
  });

  test('ordering: higher score first, ties oldest first', () => {
    const items = [
      { id: 'c', priority: 10, createdAt: 3 },
      { id: 'a', priority: 10, createdAt: 1 },
      { id: 'b', priority: 50, createdAt: 9 },
      { id: 'd', priority: 0, createdAt: 0 },
    ];
    expect(items.sort(byPriority).map((i) => i.id)).toEqual(['b', 'a', 'c', 'd']);
  });
});
