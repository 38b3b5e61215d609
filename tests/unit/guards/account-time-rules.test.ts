// Protected accounts, cross-account replies and quiet hours (across midnight and DST changes).
import { describe, expect, it } from 'vitest';
import {
  crossAccountReplyRule,
  handleMatches,
  protectedAccountRule,
} from '../../../src-shared/guards/account-rules.ts';
import {
  isQuietAt,
  localMinutes,
  quietHoursEnd,
  quietHoursRule,
} from '../../../src-shared/guards/quiet-hours.ts';
import type { QuietHours } from '../../../src-shared/guards/types.ts';
import { account, context, post, target } from './fixtures.ts';

describe('protected accounts', () => {
  it('asks for the handle of each protected target only', () => {
    const ctx = context({
      accounts: [
        account('acct-brand', { protected: true, handle: 'roost.example.com' }),
        account('acct-team'),
      ],
    });
    const decisions = protectedAccountRule(
      post([target('hi', 'acct-brand'), target('hi', 'acct-team')]),
      ctx,
    );
    expect(decisions).toHaveLength(1);
    expect(decisions[0]?.level).toBe('confirm');
    expect(decisions[0]?.detail).toEqual({
      guard: 'protected-account',
      accountId: 'acct-brand',
      handle: 'roost.example.com',
    });
  });

  it.each([
    ['roost.example.com', 'roost.example.com', true],
    ['@roost.example.com', 'roost.example.com', true],
    ['  ROOST.Example.com ', 'roost.example.com', true],
    ['@brand@mastodon.example', 'brand@mastodon.example', true],
    ['brand', 'brand@mastodon.example', false],
    ['roost.example.co', 'roost.example.com', false],
    ['@@roost.example.com', 'roost.example.com', false],
    ['', 'roost.example.com', false],
    ['', '', false],
  ])('typed %j for %j → %s', (typed, handle, ok) => {
    expect(handleMatches(typed, handle)).toBe(ok);
  });
});

describe('cross-account replies', () => {
  const replyTo = {
    network: 'bluesky' as const,
    remoteId: 'at://x/1',
    cid: 'c',
    sourceAccountId: 'acct-team',
  };

  it('confirms replying from another account than the column’s', () => {
    const decisions = crossAccountReplyRule(post([target('hi', 'acct-brand')], { replyTo }), context());
    expect(decisions.map((d) => [d.guard, d.level, d.accountIds])).toEqual([
      ['cross-account-reply', 'confirm', ['acct-brand']],
    ]);
    expect(decisions[0]?.message).toContain('acct-team.example.com');
  });

  it.each([
    ['same account', { replyTo }, 'acct-team'],
    ['not a reply', { replyTo: null }, 'acct-brand'],
    ['reply to a pasted item', { replyTo: { ...replyTo, sourceAccountId: null } }, 'acct-brand'],
  ])('%s raises nothing', (_label, patch, accountId) => {
    expect(crossAccountReplyRule(post([target('hi', accountId)], patch), context())).toEqual([]);
  });
});

describe('quiet hours', () => {
  const paris: QuietHours = { start: '22:00', end: '07:00', timeZone: 'Europe/Paris' };
  const daytime: QuietHours = { start: '12:00', end: '14:00', timeZone: 'America/New_York' };

  it.each([
    // Winter, UTC+1
    ['2025-01-15T20:59:00Z', paris, false], // 21:59
    ['2025-01-15T21:00:00Z', paris, true], // 22:00
    ['2025-01-15T23:30:00Z', paris, true], // 00:30, past midnight
    ['2025-01-16T05:59:00Z', paris, true], // 06:59
    ['2025-01-16T06:00:00Z', paris, false], // 07:00
    // Summer, UTC+2: the same UTC instants fall an hour later locally
    ['2025-07-15T20:30:00Z', paris, true], // 22:30
    ['2025-07-16T05:30:00Z', paris, false], // 07:30
    // DST starts 2025-03-30 at 01:00 UTC (02:00 → 03:00 local)
    ['2025-03-30T04:30:00Z', paris, true], // 06:30 CEST
    ['2025-03-30T05:30:00Z', paris, false], // 07:30 CEST
    ['2025-03-29T05:30:00Z', paris, true], // 06:30 CET the day before
    // DST ends 2025-10-26 at 01:00 UTC
    ['2025-10-26T05:30:00Z', paris, true], // 06:30 CET
    ['2025-10-25T05:30:00Z', paris, false], // 07:30 CEST
    // Not crossing midnight, another zone
    ['2025-01-15T17:00:00Z', daytime, true], // 12:00 EST
    ['2025-01-15T19:00:00Z', daytime, false], // 14:00 EST
  ])('%s in %o → quiet: %s', (iso, quiet, expected) => {
    expect(isQuietAt(Date.parse(iso), quiet)).toBe(expected);
  });

  it('reads local time through Intl across the DST change', () => {
    expect(localMinutes(Date.parse('2025-03-30T00:59:00Z'), 'Europe/Paris')).toBe(1 * 60 + 59);
    expect(localMinutes(Date.parse('2025-03-30T01:00:00Z'), 'Europe/Paris')).toBe(3 * 60);
  });

  it('never treats equal start and end as all-day quiet', () => {
    expect(
      isQuietAt(Date.parse('2025-01-15T12:00:00Z'), { start: '09:00', end: '09:00', timeZone: 'UTC' }),
    ).toBe(false);
  });

  it.each([
    ['2025-01-15T23:30:00Z', '2025-01-16T06:00:00.000Z'], // winter night → 07:00 CET
    ['2025-03-30T00:30:00Z', '2025-03-30T05:00:00.000Z'], // 01:30 CET, ends 07:00 CEST after the change
    ['2025-10-25T22:30:00Z', '2025-10-26T06:00:00.000Z'], // 00:30 CEST, ends 07:00 CET after the change
  ])('quiet hours at %s end at %s', (iso, expected) => {
    expect(new Date(quietHoursEnd(Date.parse(iso), paris)).toISOString()).toBe(expected);
  });

  const ctx = context({
    now: Date.parse('2025-01-15T22:00:00Z'),
    accounts: [{ ...account('acct-brand'), quietHours: paris }, account('acct-team')],
  });

  it('confirms publishing now during quiet hours, only for accounts that have them', () => {
    const decisions = quietHoursRule(post([target('hi', 'acct-brand'), target('hi', 'acct-team')]), ctx);
    expect(decisions.map((d) => [d.level, d.accountIds])).toEqual([['confirm', ['acct-brand']]]);
    expect(decisions[0]?.detail).toMatchObject({ localTime: '23:00', endsAt: '2025-01-16T06:00:00.000Z' });
  });

  it('checks the scheduled time instead of now', () => {
    expect(quietHoursRule(post('hi', { scheduledAt: '2025-01-16T09:00:00Z' }), ctx)).toEqual([]);
    const night = quietHoursRule(
      post('hi', { scheduledAt: '2025-01-17T02:00:00+01:00' }),
      context({ accounts: ctx.accounts }),
    );
    expect(night.map((d) => d.detail)).toMatchObject([
      { localTime: '02:00', at: '2025-01-17T01:00:00.000Z' },
    ]);
    expect(night[0]?.message).toContain('At the scheduled time');
  });

  it('asks rather than guesses when the time zone is unknown', () => {
    const broken = context({
      accounts: [{ ...account('acct-brand'), quietHours: { ...paris, timeZone: 'Mars/Olympus' } }],
    });
    expect(quietHoursRule(post('hi'), broken).map((d) => d.level)).toEqual(['confirm']);
  });
});
