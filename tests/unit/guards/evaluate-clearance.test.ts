// The whole table: decisions merged across targets, policy overrides, what the person must confirm,
// checking their answers, and the single-use grant bound to one digest.
import { describe, expect, it } from 'vitest';
import {
  checkConfirmations,
  checkGrant,
  clearanceFor,
  type ClearanceGrant,
} from '../../../src-shared/guards/clearance.ts';
import { computeContentDigest } from '../../../src-shared/guards/digest.ts';
import { evaluateGuards } from '../../../src-shared/guards/evaluate.ts';
import { decisionId } from '../../../src-shared/guards/decision-id.ts';
import { account, context, post, target } from './fixtures.ts';

const ctx = context({
  accounts: [account('acct-brand', { protected: true, handle: 'brand.example.com' }), account('acct-team')],
  blockedTerms: ['forbidden'],
});

describe('evaluateGuards', () => {
  it('returns nothing for a clean post to an unprotected account', () => {
    expect(evaluateGuards(post([target('Hello https://example.com', 'acct-team')]), ctx)).toEqual([]);
  });

  it('merges the same link in several targets into one decision naming both accounts, blocks first', () => {
    const decisions = evaluateGuards(
      post([target('https://bit.ly/x', 'acct-brand'), target('https://bit.ly/x forbidden', 'acct-team')]),
      ctx,
    );
    expect(decisions.map((d) => [d.guard, d.level, d.accountIds])).toEqual([
      ['blocked-term', 'block', ['acct-team']],
      ['link-shortener', 'confirm', ['acct-brand', 'acct-team']],
      ['protected-account', 'confirm', ['acct-brand']],
    ]);
  });

  it('applies policy level overrides', () => {
    const decisions = evaluateGuards(post([target('https://bit.ly/x', 'acct-team')]), {
      ...ctx,
      levels: { 'link-shortener': 'warn' },
    });
    expect(decisions.map((d) => d.level)).toEqual(['warn']);
  });

  it('gives the same ids on every evaluation, and bounded ids for long URLs', () => {
    const long = `https://bit.ly/${'a'.repeat(400)}`;
    const a = evaluateGuards(post([target(long, 'acct-team')]), ctx);
    const b = evaluateGuards(post([target(long, 'acct-team')]), ctx);
    expect(a.map((d) => d.id)).toEqual(b.map((d) => d.id));
    expect(a[0]?.id.length).toBeLessThanOrEqual(200);
    expect(decisionId('link-shortener', 'https://bit.ly/a')).toBe('link-shortener:https://bit.ly/a');
  });
});

describe('clearance', () => {
  const shortenerPost = post([target('https://bit.ly/x', 'acct-brand')]);
  const decisions = evaluateGuards(shortenerPost, ctx);
  const digest = computeContentDigest(shortenerPost);
  const who = { actor: 'camille', at: '2025-01-15T12:00:00.000Z', digest };
  const shortenerId = decisions.find((d) => d.guard === 'link-shortener')?.id ?? '';

  it('lists handles to type and decisions to acknowledge', () => {
    const clearance = clearanceFor(decisions);
    expect(clearance.publishable).toBe(true);
    expect(clearance.typeHandleFor).toEqual(['acct-brand']);
    expect(clearance.acknowledge).toEqual([shortenerId]);
  });

  it.each([
    ['nothing answered', {}, [], 'unconfirmed'],
    ['handle missing', {}, [shortenerId], 'unconfirmed'],
    ['acknowledgement missing', { 'acct-brand': 'brand.example.com' }, [], 'unconfirmed'],
    ['wrong handle', { 'acct-brand': 'brand.example.org' }, [shortenerId], 'wrong_handle'],
    ['handle of another account', { 'acct-brand': 'acct-team.example.com' }, [shortenerId], 'wrong_handle'],
  ])('refuses when %s', (_label, typedHandles, acknowledged, reason) => {
    const check = checkConfirmations(decisions, { typedHandles, acknowledged }, who);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.reason).toBe(reason);
  });

  it('accepts the right handle (with @, any case) and records who confirmed what', () => {
    const check = checkConfirmations(
      decisions,
      { typedHandles: { 'acct-brand': '@Brand.Example.com' }, acknowledged: [shortenerId, 'stale-id'] },
      who,
    );
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.records.map((r) => [r.guard, r.outcome, r.confirmedBy, r.digest])).toEqual([
      ['link-shortener', 'acknowledged', 'camille', digest],
      ['protected-account', 'typed', 'camille', digest],
    ]);
  });

  it('cannot confirm past a block', () => {
    const blocked = evaluateGuards(post([target('forbidden', 'acct-team')]), ctx);
    const check = checkConfirmations(
      blocked,
      { typedHandles: {}, acknowledged: blocked.map((d) => d.id) },
      who,
    );
    expect(check).toEqual({ ok: false, reason: 'blocked', decisionIds: [blocked[0]?.id] });
    expect(clearanceFor(blocked).publishable).toBe(false);
  });

  it('records warnings as shown, with nobody confirming', () => {
    const warned = evaluateGuards(post([target('https://xn--mnchen-3ya.de', 'acct-team')]), ctx);
    const check = checkConfirmations(warned, { typedHandles: {}, acknowledged: [] }, who);
    expect(check.ok && check.records.map((r) => [r.outcome, r.confirmedBy])).toEqual([['warned', null]]);
  });
});

describe('checkGrant', () => {
  const grant: ClearanceGrant = {
    id: 'g1',
    digest: 'sha256:aa',
    accountIds: ['b', 'a'],
    issuedAt: '2025-01-15T12:00:00Z',
    expiresAt: '2025-01-15T12:10:00Z',
    usedAt: null,
    records: [],
  };
  const now = Date.parse('2025-01-15T12:05:00Z');

  it.each([
    ['matching use', grant, { digest: 'sha256:aa', accountIds: ['a', 'b'], now }, { ok: true }],
    [
      'already used',
      { ...grant, usedAt: '2025-01-15T12:01:00Z' },
      { digest: 'sha256:aa', accountIds: ['a', 'b'], now },
      { ok: false, reason: 'used' },
    ],
    [
      'expired',
      grant,
      { digest: 'sha256:aa', accountIds: ['a', 'b'], now: Date.parse('2025-01-15T12:10:00Z') },
      { ok: false, reason: 'expired' },
    ],
    [
      'edited content',
      grant,
      { digest: 'sha256:bb', accountIds: ['a', 'b'], now },
      { ok: false, reason: 'digest_mismatch' },
    ],
    [
      'another account added',
      grant,
      { digest: 'sha256:aa', accountIds: ['a', 'b', 'c'], now },
      { ok: false, reason: 'accounts_mismatch' },
    ],
  ])('%s', (_label, g, use, expected) => {
    expect(checkGrant(g, use)).toEqual(expected);
  });
});
