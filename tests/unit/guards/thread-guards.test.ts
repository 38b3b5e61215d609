// Threads, audience and language under the guards: the content digest binds every follow-up, the visibility
// and the language, and every text of a thread is checked, not only the first.
import { describe, expect, it } from 'vitest';
import { OutgoingPostSchema, type PostTarget } from '../../../src-shared/compose/post.ts';
import { parseBlockList } from '../../../src-shared/guards/block-list.ts';
import { computeContentDigest } from '../../../src-shared/guards/digest.ts';
import { evaluateGuards, threadSteps } from '../../../src-shared/guards/evaluate.ts';
import { context, post, target } from './fixtures.ts';

const threaded = (followUps: string[], patch: Partial<PostTarget> = {}): PostTarget =>
  target('First post', 'acct-brand', {
    followUps: followUps.map((text) => ({ text, contentWarning: null })),
    ...patch,
  });

describe('the content digest of a thread', () => {
  const base = post([threaded(['Second', 'Third']), target('Hello', 'acct-team', { network: 'mastodon' })]);
  const digest = computeContentDigest(base);
  const withBrand = (patch: Partial<PostTarget>) =>
    computeContentDigest({ ...base, targets: [{ ...base.targets[0]!, ...patch }, base.targets[1]!] });
  const withTeam = (patch: Partial<PostTarget>) =>
    computeContentDigest({ ...base, targets: [base.targets[0]!, { ...base.targets[1]!, ...patch }] });

  it.each([
    [
      'an edited follow-up',
      {
        followUps: [
          { text: 'Second!', contentWarning: null },
          { text: 'Third', contentWarning: null },
        ],
      },
    ],
    [
      'reordered follow-ups',
      {
        followUps: [
          { text: 'Third', contentWarning: null },
          { text: 'Second', contentWarning: null },
        ],
      },
    ],
    ['a removed follow-up', { followUps: [{ text: 'Second', contentWarning: null }] }],
    [
      'a follow-up content warning',
      {
        followUps: [
          { text: 'Second', contentWarning: 'cw' },
          { text: 'Third', contentWarning: null },
        ],
      },
    ],
    ['a language', { language: 'fr' }],
  ])('changes with %s', (_label, patch) => {
    expect(withBrand(patch)).not.toBe(digest);
  });

  it('changes with the Mastodon visibility, and tells every visibility apart', () => {
    const digests = [null, 'public', 'unlisted', 'private', 'direct'].map((visibility) =>
      withTeam({ visibility: visibility as PostTarget['visibility'] }),
    );
    expect(new Set(digests).size).toBe(5);
    expect(digests[0]).toBe(digest);
  });

  it('reads absent fields as no follow-ups, no visibility and no language', () => {
    const bare = post([target('Hi', 'acct-a')]);
    const explicit = post([target('Hi', 'acct-a', { followUps: [], visibility: null, language: null })]);
    expect(computeContentDigest(explicit)).toBe(computeContentDigest(bare));
  });
});

describe('guards on a thread', () => {
  it('checks every follow-up: a blocked term or a bad link in post 3 is found', () => {
    const ctx = context({ blockedTerms: ['crypto'], blockList: parseBlockList('evil.net\n') });
    const p = post([threaded(['All fine here', 'Buy crypto at https://evil.net/x'])]);
    const decisions = evaluateGuards(p, ctx);
    expect(decisions.map((d) => d.guard).sort()).toEqual(['blocked-term', 'link-blocklist']);
    expect(decisions.every((d) => d.level === 'block' && d.accountIds.includes('acct-brand'))).toBe(true);
    // Without the follow-ups nothing is wrong.
    expect(evaluateGuards(post([target('First post', 'acct-brand')]), ctx)).toEqual([]);
  });

  it('checks a follow-up against recent posts (duplicate) like a first post', () => {
    const ctx = context({
      recentPosts: [{ accountId: 'acct-brand', text: 'Same as yesterday', postedAt: '2025-01-15T08:00:00Z' }],
    });
    const decisions = evaluateGuards(post([threaded(['Same as yesterday'])]), ctx);
    expect(decisions.map((d) => d.guard)).toEqual(['duplicate']);
  });

  it('makes one decision for the same link in several posts of the thread', () => {
    const ctx = context({ blockList: parseBlockList('evil.net\n') });
    const p = post([
      target('See https://evil.net/x', 'acct-brand', {
        followUps: [{ text: 'Again https://evil.net/x', contentWarning: null }],
      }),
    ]);
    expect(evaluateGuards(p, ctx).filter((d) => d.guard === 'link-blocklist')).toHaveLength(1);
  });

  it('steps through a thread: first posts with their references, then each follow-up position', () => {
    const ref = { network: 'bluesky' as const, remoteId: 'at://x', cid: 'c', sourceAccountId: null };
    const p = post([threaded(['Two', 'Three']), threaded(['Only two'], { accountId: 'acct-team' })], {
      replyTo: ref,
    });
    const steps = threadSteps(p);
    expect(steps.map((s) => s.targets.map((t) => `${t.accountId}:${t.text}`))).toEqual([
      ['acct-brand:First post', 'acct-team:First post'],
      ['acct-brand:Two', 'acct-team:Only two'],
      ['acct-brand:Three'],
    ]);
    expect(steps.map((s) => s.replyTo)).toEqual([ref, null, null]);
  });
});

describe('the post schema', () => {
  it('accepts threads, audiences and BCP 47 languages, and refuses malformed ones', () => {
    const ok = post([threaded(['Two'], { network: 'mastodon', visibility: 'private', language: 'pt-BR' })]);
    expect(OutgoingPostSchema.safeParse(ok).success).toBe(true);
    expect(OutgoingPostSchema.safeParse(post([threaded([], { language: 'not a tag' })])).success).toBe(false);
    expect(
      OutgoingPostSchema.safeParse(post([threaded([], { visibility: 'friends' as 'public' })])).success,
    ).toBe(false);
    expect(OutgoingPostSchema.safeParse(post([threaded([''])])).success).toBe(false);
  });
});
