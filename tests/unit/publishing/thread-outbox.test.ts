// Threads in the outbox on real SQLite with simulated time: one ordered chain of jobs per target, each post
// sent only after the one before it and replying to it, exactly once across crashes, cancelled as a whole,
// and stopped (with a message) when a post in the middle fails.
import { afterEach, describe, expect, it } from 'vitest';
import { RoostError } from '../../../src-shared/contract/errors.ts';
import type { StoredJob } from '../../../src-main/publishing/outbox-job.ts';
import { THREAD_CANCELLED, THREAD_STOPPED } from '../../../src-main/publishing/thread-chain.ts';
import { account, createHarness, FakeNetwork, thread, type Harness } from './support/harness.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const masto = account(9, { id: 'masto-1', network: 'mastodon', handle: 'brand@social.example' });

function submit(
  harness: Harness,
  texts: readonly [string, ...string[]],
  options: {
    accountIds?: readonly string[];
    undoSeconds?: number;
    scheduledAt?: string | null;
  } = {},
) {
  const p = thread(texts, options.accountIds ?? ['acct-1']);
  return harness.module.service.submit({
    draftId: 'draft-1',
    post: { ...p, scheduledAt: options.scheduledAt ?? null },
    clearanceId: null,
    undoSeconds: options.undoSeconds ?? 0,
    campaign: null,
  }).jobs;
}

const stored = (harness: Harness, id: string): StoredJob => {
  const job = harness.module.repo.get(id);
  if (!job) throw new Error(`no job ${id}`);
  return job;
};

const chainOf = (harness: Harness, accountId: string): StoredJob[] =>
  harness.module.repo.list({ accountIds: [accountId] }).sort((a, b) => a.threadIndex - b.threadIndex);

describe('threads in the outbox', () => {
  it('creates one ordered chain per target, each job with its own fixed key', async () => {
    h = await createHarness({ accounts: [masto] });
    const jobs = submit(h, ['One', 'Two', 'Three'], { accountIds: ['acct-1', 'masto-1'], undoSeconds: 10 });
    expect(jobs).toHaveLength(6);
    for (const accountId of ['acct-1', 'masto-1']) {
      const chain = chainOf(h, accountId);
      expect(chain.map((j) => j.text)).toEqual(['One', 'Two', 'Three']);
      expect(chain.map((j) => j.threadIndex)).toEqual([0, 1, 2]);
      expect(new Set(chain.map((j) => j.threadId))).toEqual(new Set([chain[0]!.id]));
      expect(new Set(chain.map((j) => j.idempotencyKey)).size).toBe(3);
      // Only the first post carries the post's own reply/quote; the rest are answered at send time.
      expect(chain.slice(1).every((j) => j.payload.replyTo === null)).toBe(true);
    }
    const rkeys = chainOf(h, 'acct-1').map((j) => j.rkey ?? '');
    expect(new Set(rkeys).size).toBe(3);
    expect([...rkeys].sort()).toEqual(rkeys);
    expect(chainOf(h, 'masto-1').every((j) => j.rkey === null)).toBe(true);

    // When the undo window ends, only the first post of each chain may go; the rest wait without a timer.
    await h.time.advance(10_000);
    await h.module.engine.idle();
    await h.time.advance(0);
    const sentFirst = h.network.sends.map((s) => s.jobId);
    expect(sentFirst.slice(0, 2).sort()).toEqual(
      [chainOf(h, 'acct-1')[0]!.id, chainOf(h, 'masto-1')[0]!.id].sort(),
    );
  });

  it('sends the posts in order, each replying to the one before it (Bluesky CID, Mastodon status id)', async () => {
    h = await createHarness({ accounts: [masto] });
    submit(h, ['First', 'Second', 'Third'], { accountIds: ['acct-1', 'masto-1'] });
    for (let i = 0; i < 10; i++) await h.time.advance(0);
    for (const accountId of ['acct-1', 'masto-1']) {
      const chain = chainOf(h, accountId);
      expect(chain.map((j) => j.state)).toEqual(['sent', 'sent', 'sent']);
      const sends = h.network.sends.filter((s) => chain.some((j) => j.id === s.jobId));
      expect(sends.map((s) => s.jobId)).toEqual(chain.map((j) => j.id));
      const network = accountId === 'acct-1' ? 'bluesky' : 'mastodon';
      expect(sends[0]!.replyTo).toBeNull();
      for (const n of [1, 2]) {
        const parent = chain[n - 1]!;
        expect(sends[n]!.replyTo).toEqual({
          network,
          remoteId: parent.remoteId,
          cid: network === 'bluesky' ? `cid-${parent.rkey}` : null,
          sourceAccountId: accountId,
        });
      }
      // Each post went out after the one it answers was recorded as sent.
      for (const n of [1, 2]) {
        expect(Date.parse(chain[n]!.sentAt!)).toBeGreaterThanOrEqual(Date.parse(chain[n - 1]!.sentAt!));
      }
    }
    expect(h.network.posts.size).toBe(6);
  });

  it('a later post woken before the one it answers is sent goes back to waiting', async () => {
    h = await createHarness();
    h.network.script.push('hang');
    submit(h, ['Still in flight', 'Must wait']);
    await h.time.advance(0);
    const [first, second] = chainOf(h, 'acct-1');
    expect([first!.state, second!.state]).toEqual(['sending', 'queued']);
    h.module.engine.update(second!.id, (j, now) => ({ ...j, wakeMs: now }));
    await h.time.advance(1_000);
    expect(h.network.sends.map((s) => s.jobId)).toEqual([first!.id]);
    expect(stored(h, second!.id)).toEqual(expect.objectContaining({ state: 'queued', wakeMs: null }));
  });

  it('after a crash mid-thread, reconciles the interrupted post first and resumes the chain', async () => {
    h = await createHarness();
    const network = h.network;
    // Post 1 goes through; post 2 reaches the network but the process dies before recording it.
    network.script.push('ok', 'post-then-hang');
    const [first] = submit(h, ['Alpha', 'Beta', 'Gamma']);
    for (let i = 0; i < 5; i++) await h.time.advance(0);
    const chain = chainOf(h, 'acct-1');
    expect(chain.map((j) => j.state)).toEqual(['sent', 'sending', 'queued']);
    expect(chain[2]!.wakeMs).toBeNull();

    const after = new FakeNetwork();
    for (const [key, value] of network.posts) after.posts.set(key, value);
    await h.restart(60_000, after);
    for (let i = 0; i < 5; i++) await h.time.advance(0);

    const resumed = chainOf(h, 'acct-1');
    expect(resumed.map((j) => j.state)).toEqual(['sent', 'sent', 'sent']);
    expect(resumed[0]!.id).toBe(first!.id);
    // Reconciliation found post 2: it was not sent again; post 3 answers it with its stored CID.
    expect(after.sends.map((s) => s.jobId)).toEqual([resumed[2]!.id]);
    expect(after.sends[0]!.replyTo).toEqual(
      expect.objectContaining({ remoteId: resumed[1]!.remoteId, cid: `cid-${resumed[1]!.rkey}` }),
    );
    expect(after.posts.size).toBe(3);
  });

  it('after a crash before the post reached the network, sends it again with the same key, once', async () => {
    h = await createHarness();
    h.network.script.push('ok', 'hang');
    submit(h, ['Uno', 'Dos', 'Tres']);
    for (let i = 0; i < 5; i++) await h.time.advance(0);
    const before = chainOf(h, 'acct-1');
    expect(before.map((j) => j.state)).toEqual(['sent', 'sending', 'queued']);

    const after = new FakeNetwork();
    for (const [key, value] of h.network.posts) after.posts.set(key, value);
    await h.restart(1_000, after);
    for (let i = 0; i < 5; i++) await h.time.advance(0);
    const chain = chainOf(h, 'acct-1');
    expect(chain.map((j) => j.state)).toEqual(['sent', 'sent', 'sent']);
    expect(after.sends.map((s) => s.key)).toEqual([before[1]!.rkey, before[2]!.rkey]);
    expect(after.posts.size).toBe(3);
  });

  it('cancelling during the undo window cancels the whole chain, whichever job is cancelled first', async () => {
    h = await createHarness({ accounts: [masto] });
    const jobs = submit(h, ['Oops', 'More oops', 'Even more'], {
      accountIds: ['acct-1', 'masto-1'],
      undoSeconds: 10,
    });
    await h.time.advance(3_000);
    const bluesky = chainOf(h, 'acct-1');
    const mastodon = chainOf(h, 'masto-1');
    // The undo button cancels every job of the submission; here the first post of each chain comes first.
    expect(await h.module.service.cancel(bluesky[0]!.id)).toEqual({ cancelled: true });
    expect(await h.module.service.cancel(mastodon[1]!.id)).toEqual({ cancelled: true });
    expect(await h.module.service.cancel(mastodon[0]!.id)).toEqual({ cancelled: true });
    for (const job of jobs) {
      expect(await h.module.service.cancel(job.id)).toEqual({
        cancelled: stored(h, job.id).lastError?.code === THREAD_CANCELLED,
      });
    }
    await h.time.advance(60_000);
    expect(jobs.map((j) => stored(h!, j.id).state)).toEqual(Array(6).fill('cancelled'));
    expect(stored(h, bluesky[2]!.id).lastError).toEqual({
      code: THREAD_CANCELLED,
      message: 'Cancelled together with post 1 of its thread.',
    });
    expect(h.network.sends).toHaveLength(0);
  });

  it('a post that fails mid-thread stops the rest, which wait with a clear message', async () => {
    h = await createHarness();
    h.network.script.push('ok', new RoostError('invalid_input', 'Text too long for this server.'));
    submit(h, ['Fine', 'Refused', 'Never sent', 'Nor this']);
    for (let i = 0; i < 5; i++) await h.time.advance(0);
    await h.time.advance(3_600_000);
    const chain = chainOf(h, 'acct-1');
    expect(chain.map((j) => j.state)).toEqual([
      'sent',
      'needs_attention',
      'needs_attention',
      'needs_attention',
    ]);
    expect(chain[1]!.lastError?.code).toBe('invalid_input');
    for (const later of chain.slice(2)) {
      expect(later.lastError).toEqual({
        code: THREAD_STOPPED,
        message:
          'Not sent: post 2 of this thread could not be published (Text too long for this server.). ' +
          'Cancel the rest of the thread or write it again.',
      });
      expect(later.wakeMs).toBeNull();
    }
    expect(h.network.sends).toHaveLength(2);
    // One notification for the post that failed, not one per post held back.
    expect(h.attention.map((j) => j.id)).toEqual([chain[1]!.id]);
    // The person can still cancel what is left.
    expect(await h.module.service.cancel(chain[1]!.id)).toEqual({ cancelled: true });
    expect(chainOf(h, 'acct-1').map((j) => j.state)).toEqual(['sent', 'cancelled', 'cancelled', 'cancelled']);
  });

  it('a transient failure retries the same post and the chain continues after it', async () => {
    h = await createHarness();
    h.network.script.push('ok', new RoostError('network_unreachable', 'Offline'));
    submit(h, ['A', 'B', 'C']);
    for (let i = 0; i < 5; i++) await h.time.advance(0);
    expect(chainOf(h, 'acct-1').map((j) => j.state)).toEqual(['sent', 'queued', 'queued']);
    await h.time.advance(10 * 60_000);
    const chain = chainOf(h, 'acct-1');
    expect(chain.map((j) => j.state)).toEqual(['sent', 'sent', 'sent']);
    expect(h.network.sends.map((s) => s.jobId)).toEqual([
      chain[0]!.id,
      chain[1]!.id,
      chain[1]!.id,
      chain[2]!.id,
    ]);
    expect(h.network.posts.size).toBe(3);
  });

  it('a scheduled thread to Mastodon stays with Roost and goes out in order at its time', async () => {
    h = await createHarness({ accounts: [masto] });
    const at = new Date(h.now() + 60 * 60_000).toISOString();
    const jobs = submit(h, ['Later one', 'Later two'], { accountIds: ['masto-1'], scheduledAt: at });
    expect(jobs.map((j) => j.scheduledBy)).toEqual(['roost', 'roost']);
    await h.time.advance(30 * 60_000);
    expect(h.network.sends).toHaveLength(0);
    await h.time.advance(30 * 60_000);
    for (let i = 0; i < 5; i++) await h.time.advance(0);
    expect(chainOf(h, 'masto-1').map((j) => j.state)).toEqual(['sent', 'sent']);
  });

  it('rescheduling a thread moves the waiting posts with it; cancelling it when overdue cancels them', async () => {
    h = await createHarness();
    const at = new Date(h.now() + 60 * 60_000).toISOString();
    const [head] = submit(h, ['Sched 1', 'Sched 2', 'Sched 3'], { scheduledAt: at });
    const later = new Date(h.now() + 2 * 60 * 60_000).toISOString();
    await h.module.service.reschedule(head!.id, later);
    expect(chainOf(h, 'acct-1').map((j) => [j.scheduledAt, j.state, j.wakeMs === null])).toEqual([
      [later, 'queued', false],
      [later, 'queued', true],
      [later, 'queued', true],
    ]);
    await h.time.advance(90 * 60_000);
    expect(h.network.sends).toHaveLength(0);

    // The machine sleeps past the grace period: the first post waits for the person, the rest wait for it.
    await h.sleep(3 * 60 * 60_000);
    expect(chainOf(h, 'acct-1').map((j) => j.state)).toEqual(['overdue', 'queued', 'queued']);
    h.module.service.resolveOverdue(head!.id, 'cancel');
    expect(chainOf(h, 'acct-1').map((j) => j.state)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    expect(h.network.sends).toHaveLength(0);
  });

  it('binds a clearance to the follow-ups: an edited follow-up needs a new confirmation', async () => {
    h = await createHarness();
    const p = thread(['Brand thread', 'Part two'], ['acct-3']);
    const preflight = h.module.service.preflight(p);
    const { clearanceId } = h.module.service.clear({
      post: p,
      digest: preflight.digest,
      typedHandles: { 'acct-3': 'brand.example' },
      acknowledged: [],
    });
    const edited = {
      ...p,
      targets: p.targets.map((t) => ({
        ...t,
        followUps: [{ text: 'Part two, edited', contentWarning: null }],
      })),
    };
    const submitWith = (post: typeof p) =>
      h!.module.service.submit({ draftId: null, post, clearanceId, undoSeconds: 0, campaign: null });
    expect(() => submitWith(edited)).toThrow(expect.objectContaining({ code: 'forbidden' }));
    expect(() => submitWith({ ...p, targets: p.targets.map((t) => ({ ...t, language: 'de' })) })).toThrow(
      expect.objectContaining({ code: 'forbidden' }),
    );
    expect(submitWith(p).jobs).toHaveLength(2);
    expect(h.module.repo.list()).toHaveLength(2);
  });

  it('keeps language and visibility with each job, and refuses a visibility on Bluesky', async () => {
    h = await createHarness({ accounts: [masto] });
    const p = thread(['Bonjour', 'Suite'], ['masto-1', 'acct-1'], { visibility: 'unlisted', language: 'fr' });
    h.module.service.submit({ draftId: null, post: p, clearanceId: null, undoSeconds: 5, campaign: null });
    for (const job of chainOf(h, 'masto-1')) {
      expect(job.payload.target).toEqual(expect.objectContaining({ visibility: 'unlisted', language: 'fr' }));
    }
    for (const job of chainOf(h, 'acct-1')) {
      expect(job.payload.target).toEqual(expect.objectContaining({ visibility: null, language: 'fr' }));
    }
    const wrong = {
      ...p,
      targets: p.targets.map((t) => ({ ...t, visibility: 'private' as const })),
    };
    expect(() =>
      h!.module.service.submit({
        draftId: null,
        post: wrong,
        clearanceId: null,
        undoSeconds: 5,
        campaign: null,
      }),
    ).toThrow(expect.objectContaining({ code: 'invalid_input' }));
  });
});
