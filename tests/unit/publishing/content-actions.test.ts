// Reposts, unreposts and deletes in the outbox: refused for a protected account without a clearance bound to
// that very action, checked against the account before anything is stored, held for the undo window, sent
// once with a record key fixed at creation (even across a crash), retried with the same key, and never
// counted as a post (duplicates, best times).
import { afterEach, describe, expect, it } from 'vitest';
import type { ContentAction } from '../../../src-shared/compose/content-action.ts';
import { computeActionDigest } from '../../../src-shared/guards/digest.ts';
import { RoostError } from '../../../src-shared/contract/errors.ts';
import { createHarness, post, type Harness } from './support/harness.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const POST_URI = 'at://did:plc:someone/app.bsky.feed.post/3kabc';

function action(
  kind: ContentAction['kind'],
  accountId = 'acct-1',
  overrides: Partial<ContentAction['item']> = {},
) {
  return {
    accountId,
    kind,
    item: {
      network: 'bluesky' as const,
      remoteId: POST_URI,
      actionRef: 'bafycid',
      viewerReposted: null,
      authorHandle: 'someone.example',
      excerpt: 'A post worth sharing',
      ...overrides,
    },
  };
}

const submit = (harness: Harness, a: ContentAction, clearanceId: string | null, undoSeconds = 0) =>
  harness.module.service.submitAction({ action: a, clearanceId, undoSeconds });

describe('content actions through the outbox', () => {
  it('a protected account needs a clearance for exactly this action, used once', async () => {
    h = await createHarness();
    const repost = action('repost', 'acct-3');
    const checked = h.module.service.preflightAction(repost);
    expect(checked.typeHandleFor).toEqual(['acct-3']);
    expect(checked.digest).toBe(computeActionDigest(repost));
    expect(checked.decisions[0]?.message).toContain('type its handle to repost');
    expect(() => submit(h!, repost, null)).toThrow(expect.objectContaining({ code: 'forbidden' }));
    expect(() =>
      h!.module.service.clearAction({
        action: repost,
        digest: checked.digest,
        typedHandles: { 'acct-3': 'nope' },
        acknowledged: [],
      }),
    ).toThrow(expect.objectContaining({ code: 'forbidden' }));
    const { clearanceId } = h.module.service.clearAction({
      action: repost,
      digest: checked.digest,
      typedHandles: { 'acct-3': '@brand.example' },
      acknowledged: [],
    });
    // The same clearance does not cover deleting, or reposting something else.
    const other = action('repost', 'acct-3', { remoteId: 'at://did:plc:someone/app.bsky.feed.post/3kxyz' });
    expect(() => submit(h!, other, clearanceId)).toThrow(expect.objectContaining({ code: 'forbidden' }));
    const { jobs } = submit(h, repost, clearanceId);
    expect(jobs.map((j) => [j.action, j.subjectId])).toEqual([['repost', POST_URI]]);
    expect(() => submit(h!, repost, clearanceId)).toThrow(expect.objectContaining({ code: 'forbidden' }));
    await h.time.settle();
    expect(h.module.repo.get(jobs[0]!.id)?.state).toBe('sent');
    expect(h.network.posts.size).toBe(1);
  });

  it('an unprotected account reposts without confirmation; undo within the window sends nothing', async () => {
    h = await createHarness();
    const { jobs } = submit(h, action('repost'), null, 10);
    expect(jobs[0]?.state).toBe('held');
    const rkey = h.module.repo.get(jobs[0]!.id)?.rkey;
    expect(rkey).toMatch(/^[a-z2-7]{13}$/);
    expect(await h.module.service.cancel(jobs[0]!.id)).toEqual({ cancelled: true });
    await h.time.advance(15_000);
    expect(h.network.sends).toEqual([]);
  });

  it('refuses what the account cannot do before anything is stored', async () => {
    h = await createHarness();
    const refusals: [ContentAction, string][] = [
      [action('delete'), 'forbidden'], // someone else's post
      [action('unrepost'), 'invalid_input'], // nothing to undo
      [
        action('unrepost', 'acct-1', { viewerReposted: 'at://did:plc:other/app.bsky.feed.repost/3k' }),
        'invalid_input',
      ],
      [action('repost', 'acct-1', { actionRef: null }), 'invalid_input'],
      [action('repost', 'acct-404'), 'not_found'],
      [action('repost', 'acct-1', { network: 'mastodon', actionRef: '123' }), 'invalid_input'],
    ];
    for (const [a, code] of refusals) {
      expect(() => submit(h!, a, null), `${a.kind} ${code}`).toThrow(expect.objectContaining({ code }));
    }
    expect(h.module.repo.list()).toEqual([]);
    const mine = action('delete', 'acct-1', { remoteId: 'at://did:plc:user1/app.bsky.feed.post/3kmine' });
    expect(submit(h, mine, null).jobs[0]?.action).toBe('delete');
  });

  it('a crash while sending a repost is reconciled by its record key: one repost, not two', async () => {
    h = await createHarness();
    h.network.script.push('post-then-hang');
    const { jobs } = submit(h, action('repost'), null);
    await h.time.settle();
    expect(h.module.repo.get(jobs[0]!.id)?.state).toBe('sending');
    await h.restart(1_000);
    expect(h.module.repo.get(jobs[0]!.id)?.state).toBe('sent');
    expect(h.network.posts.size).toBe(1);
  });

  it('a failed action is retried with the same key and shows the server’s message meanwhile', async () => {
    h = await createHarness();
    h.network.script.push(new RoostError('invalid_input', 'Record/subject must be a valid post'));
    const { jobs } = submit(h, action('repost'), null);
    await h.time.settle();
    const failed = h.module.repo.get(jobs[0]!.id)!;
    expect([failed.state, failed.lastError?.message]).toEqual([
      'needs_attention',
      'Record/subject must be a valid post',
    ]);
    const again = h.module.service.retry(jobs[0]!.id);
    expect([again.state, again.lastError]).toEqual(['queued', null]);
    await h.time.settle();
    expect(h.module.repo.get(jobs[0]!.id)?.state).toBe('sent');
    expect(new Set(h.network.sends.map((s) => s.key)).size).toBe(1);
    expect(() => h!.module.service.retry(jobs[0]!.id)).toThrow(
      expect.objectContaining({ code: 'invalid_input' }),
    );
  });

  it('an action is never a duplicate of a post, nor a post in the best-time history', async () => {
    h = await createHarness();
    submit(h, action('repost'), null);
    await h.time.settle();
    const p = post('repost @someone.example: A post worth sharing');
    expect(h.module.service.preflight(p).decisions.filter((d) => d.guard === 'duplicate')).toEqual([]);
  });
});

describe('lowering protection', () => {
  it('is refused without the typed handle', async () => {
    const { createAccountsService } = await import('../../../src-main/accounts/accounts-service.ts');
    let current = { id: 'a1', handle: 'brand.example', protected: true };
    const service = createAccountsService({
      registry: {
        get: () => current,
        setProtected: (_id: string, value: boolean) => (current = { ...current, protected: value }),
        list: () => [current],
      },
      credentials: {},
      events: { emit: () => undefined },
    } as unknown as Parameters<typeof createAccountsService>[0]);
    expect(() => service.setProtected('a1', false)).toThrow(expect.objectContaining({ code: 'forbidden' }));
    expect(() => service.setProtected('a1', false, 'brand.exampl')).toThrow(
      expect.objectContaining({ code: 'forbidden' }),
    );
    expect(current.protected).toBe(true);
    expect(service.setProtected('a1', false, ' @Brand.Example ').protected).toBe(false);
    // Protecting again needs nothing.
    expect(service.setProtected('a1', true).protected).toBe(true);
  });
});
