// The outbox state machine on real SQLite with simulated time: undo window, cancel, retries with backoff,
// permanent errors, reconciliation after a crash, grace vs overdue, reschedule.
import { afterEach, describe, expect, it } from 'vitest';
import { RoostError } from '../../../src-shared/contract/errors.ts';
import { RateLimitedError } from '../../../src-main/connectors/bluesky/connector-errors.ts';
import { createHarness, FakeNetwork, post, type Harness } from './support/harness.ts';

const MIN = 60_000;
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const state = (harness: Harness, id: string) => harness.module.repo.get(id)?.state;

describe('undo window', () => {
  it('holds the job until holdUntil, then sends it exactly once', async () => {
    h = await createHarness();
    const { jobs } = h.module.service.submit({
      draftId: 'd1',
      post: post('Hello'),
      clearanceId: null,
      undoSeconds: 10,
      campaign: 'spring',
    });
    expect(jobs).toHaveLength(1);
    const job = jobs[0]!;
    expect(job.state).toBe('held');
    expect(job.holdUntil).toBe(new Date(h.now() + 10_000).toISOString());
    await h.time.advance(9_000);
    expect(state(h, job.id)).toBe('held');
    expect(h.network.sends).toHaveLength(0);
    await h.time.advance(1_500);
    expect(state(h, job.id)).toBe('sent');
    expect(h.network.sends).toHaveLength(1);
    expect(h.network.posts.size).toBe(1);
    const sent = h.module.repo.get(job.id)!;
    expect(sent.remoteId).toBe(`remote-${sent.rkey}`);
    expect(sent.campaign).toBe('spring');
    // Every change was announced: held → queued → sending → sent.
    const states = h.changed
      .flat()
      .filter((j) => j.id === job.id)
      .map((j) => j.state);
    expect(states).toEqual(['queued', 'sending', 'sent']);
  });

  it('cancels during the window: nothing is posted, and the job stays cancelled', async () => {
    h = await createHarness();
    const [job] = h.module.service.submit({
      draftId: null,
      post: post('Oops'),
      clearanceId: null,
      undoSeconds: 10,
      campaign: null,
    }).jobs;
    await h.time.advance(4_000);
    expect(await h.module.service.cancel(job!.id)).toEqual({ cancelled: true });
    await h.time.advance(60_000);
    expect(state(h, job!.id)).toBe('cancelled');
    expect(h.network.sends).toHaveLength(0);
    expect(await h.module.service.cancel(job!.id)).toEqual({ cancelled: false });
  });

  it('writes `sending` to the database before the network call', async () => {
    h = await createHarness();
    const [job] = h.module.service.submit({
      draftId: null,
      post: post('Persist first'),
      clearanceId: null,
      undoSeconds: 0,
      campaign: null,
    }).jobs;
    await h.time.advance(0);
    expect(h.network.sends[0]?.stateDuringSend).toBe('sending');
    expect(state(h, job!.id)).toBe('sent');
  });
});

describe('retries', () => {
  it('backs off exponentially on transient errors and honours retry-after', async () => {
    h = await createHarness();
    h.network.script.push(
      new RoostError('network_unreachable', 'offline'),
      new RoostError('server_error', 'HTTP 502'),
      new RateLimitedError('slow down', 120_000),
    );
    const [job] = h.module.service.submit({
      draftId: null,
      post: post('Retry me'),
      clearanceId: null,
      undoSeconds: 0,
      campaign: null,
    }).jobs;
    await h.time.advance(0);
    expect(h.network.sends).toHaveLength(1);
    let stored = h.module.repo.get(job!.id)!;
    expect(stored.state).toBe('queued');
    expect(stored.lastError?.code).toBe('network_unreachable');
    const firstDelay = stored.wakeMs! - h.now();
    expect(firstDelay).toBeGreaterThanOrEqual(1_000);
    expect(firstDelay).toBeLessThanOrEqual(2_000);
    await h.time.advance(firstDelay);
    expect(h.network.sends).toHaveLength(2);
    stored = h.module.repo.get(job!.id)!;
    const secondDelay = stored.wakeMs! - h.now();
    expect(secondDelay).toBeGreaterThanOrEqual(2_000);
    expect(secondDelay).toBeLessThanOrEqual(4_000);
    await h.time.advance(secondDelay);
    expect(h.network.sends).toHaveLength(3);
    stored = h.module.repo.get(job!.id)!;
    expect(stored.lastError?.code).toBe('rate_limited');
    expect(stored.wakeMs! - h.now()).toBe(120_000);
    await h.time.advance(119_000);
    expect(h.network.sends).toHaveLength(3);
    await h.time.advance(1_000);
    expect(state(h, job!.id)).toBe('sent');
    expect(h.module.repo.get(job!.id)!.attempts).toBe(4);
    // Every attempt used the key chosen at creation.
    expect(new Set(h.network.sends.map((s) => s.key)).size).toBe(1);
    expect(h.network.posts.size).toBe(1);
  });

  it('stops on a permanent error with the server’s message and raises attention', async () => {
    h = await createHarness();
    h.network.script.push(
      new RoostError('invalid_input', 'Publish: Validation failed: Text character limit of 500 exceeded'),
    );
    const [job] = h.module.service.submit({
      draftId: null,
      post: post('Too long'),
      clearanceId: null,
      undoSeconds: 0,
      campaign: null,
    }).jobs;
    await h.time.advance(10 * MIN);
    const stored = h.module.repo.get(job!.id)!;
    expect(stored.state).toBe('needs_attention');
    expect(stored.lastError).toEqual({
      code: 'invalid_input',
      message: 'Publish: Validation failed: Text character limit of 500 exceeded',
    });
    expect(h.network.sends).toHaveLength(1);
    expect(h.attention.map((j) => j.id)).toEqual([job!.id]);
  });

  it('treats a revoked session (401) as permanent', async () => {
    h = await createHarness();
    h.network.script.push(new RoostError('auth_failed', 'session revoked'));
    const [job] = h.module.service.submit({
      draftId: null,
      post: post('x'),
      clearanceId: null,
      undoSeconds: 0,
      campaign: null,
    }).jobs;
    await h.time.advance(MIN);
    expect(state(h, job!.id)).toBe('needs_attention');
  });

  it('gives up as failed after the maximum number of transient failures', async () => {
    h = await createHarness();
    for (let i = 0; i < 8; i++) h.network.script.push(new RoostError('server_error', 'HTTP 503'));
    const [job] = h.module.service.submit({
      draftId: null,
      post: post('Doomed'),
      clearanceId: null,
      undoSeconds: 0,
      campaign: null,
    }).jobs;
    await h.time.advance(14 * MIN);
    expect(state(h, job!.id)).toBe('failed');
    expect(h.network.sends).toHaveLength(8);
    expect(h.attention.at(-1)?.state).toBe('failed');
  });
});

describe('crash recovery', () => {
  it('finds a post that went out before the crash and does not send it again', async () => {
    h = await createHarness();
    h.network.script.push('post-then-hang');
    const [job] = h.module.service.submit({
      draftId: null,
      post: post('Crash after post'),
      clearanceId: null,
      undoSeconds: 0,
      campaign: null,
    }).jobs;
    await h.time.advance(0);
    expect(state(h, job!.id)).toBe('sending');
    await h.restart(5_000);
    expect(state(h, job!.id)).toBe('sent');
    expect(h.network.sends).toHaveLength(1);
    expect(h.network.posts.size).toBe(1);
  });

  it('sends again with the same key when nothing went out before the crash', async () => {
    h = await createHarness();
    h.network.script.push('hang');
    const [job] = h.module.service.submit({
      draftId: null,
      post: post('Crash before post'),
      clearanceId: null,
      undoSeconds: 0,
      campaign: null,
    }).jobs;
    await h.time.advance(0);
    await h.restart(5_000);
    await h.time.advance(0);
    expect(state(h, job!.id)).toBe('sent');
    expect(h.network.sends.map((s) => s.key)).toEqual([
      h.module.repo.get(job!.id)!.rkey,
      h.module.repo.get(job!.id)!.rkey,
    ]);
    expect(h.network.posts.size).toBe(1);
  });

  it('keeps a job whose reconciliation failed queued, and settles it once the network answers', async () => {
    h = await createHarness();
    h.network.script.push('post-then-hang');
    const [job] = h.module.service.submit({
      draftId: null,
      post: post('Flaky'),
      clearanceId: null,
      undoSeconds: 0,
      campaign: null,
    }).jobs;
    await h.time.advance(0);
    const flaky = new FakeNetwork();
    for (const [k, v] of h.network.posts) flaky.posts.set(k, v);
    let failures = 1;
    const reconcile = flaky.reconcile.bind(flaky);
    flaky.reconcile = async (j) => {
      if (failures-- > 0) throw new RoostError('network_unreachable', 'offline');
      return reconcile(j);
    };
    await h.restart(1_000, flaky);
    expect(state(h, job!.id)).toBe('queued');
    await h.time.advance(MIN);
    expect(state(h, job!.id)).toBe('sent');
    expect(flaky.posts.size).toBe(1);
  });
});

describe('schedule, grace and overdue', () => {
  const at = (harness: Harness, ms: number) => new Date(harness.now() + ms).toISOString();

  it('sends a scheduled post at its time, with one timer for the next job', async () => {
    h = await createHarness();
    const first = h.module.service.submit({
      draftId: null,
      post: post('Later', ['acct-1'], at(h, 30 * MIN)),
      clearanceId: null,
      undoSeconds: 10,
      campaign: null,
    }).jobs[0]!;
    const second = h.module.service.submit({
      draftId: null,
      post: post('Even later', ['acct-2'], at(h, 60 * MIN)),
      clearanceId: null,
      undoSeconds: 10,
      campaign: null,
    }).jobs[0]!;
    await h.time.advance(20_000);
    expect(state(h, first.id)).toBe('queued');
    expect(h.time.pending()).toBe(1);
    await h.time.advance(30 * MIN - 21_000);
    expect(state(h, first.id)).toBe('queued');
    await h.time.advance(1_000);
    expect(state(h, first.id)).toBe('sent');
    expect(h.network.posts.get(h.module.repo.get(first.id)!.rkey!)?.atMs).toBe(
      Date.parse(first.scheduledAt!),
    );
    expect(state(h, second.id)).toBe('queued');
  });

  it('after a shutdown, sends jobs late by less than the grace period and holds older ones as overdue', async () => {
    h = await createHarness();
    const soon = h.module.service.submit({
      draftId: null,
      post: post('A', ['acct-1'], at(h, 10 * MIN)),
      clearanceId: null,
      undoSeconds: 0,
      campaign: null,
    }).jobs[0]!;
    const earlier = h.module.service.submit({
      draftId: null,
      post: post('B', ['acct-2'], at(h, 2 * MIN)),
      clearanceId: null,
      undoSeconds: 0,
      campaign: null,
    }).jobs[0]!;
    await h.time.advance(MIN);
    // Roost is closed for 20 minutes: `earlier` is 19 min late, `soon` 11 min late.
    await h.restart(20 * MIN);
    expect(state(h, soon.id)).toBe('sent');
    expect(state(h, earlier.id)).toBe('overdue');
    expect(h.attention.map((j) => j.id)).toContain(earlier.id);
    await h.time.advance(60 * MIN);
    expect(state(h, earlier.id)).toBe('overdue');
    expect(h.network.posts.size).toBe(1);
    const resolved = h.module.service.resolveOverdue(earlier.id, 'send');
    expect(resolved.state).toBe('queued');
    await h.time.advance(0);
    expect(state(h, earlier.id)).toBe('sent');
  });

  it('treats sleep like a shutdown: a timer that fires late never posts beyond the grace period', async () => {
    h = await createHarness();
    const job = h.module.service.submit({
      draftId: null,
      post: post('Sleepy', ['acct-1'], at(h, 5 * MIN)),
      clearanceId: null,
      undoSeconds: 0,
      campaign: null,
    }).jobs[0]!;
    await h.sleep(3 * 60 * MIN);
    expect(state(h, job.id)).toBe('overdue');
    expect(h.module.service.resolveOverdue(job.id, 'cancel').state).toBe('cancelled');
    await h.time.advance(10 * MIN);
    expect(h.network.sends).toHaveLength(0);
  });

  it('reschedules queued and overdue jobs', async () => {
    h = await createHarness();
    const job = h.module.service.submit({
      draftId: null,
      post: post('Move me', ['acct-1'], at(h, 10 * MIN)),
      clearanceId: null,
      undoSeconds: 0,
      campaign: null,
    }).jobs[0]!;
    const moved = await h.module.service.reschedule(job.id, at(h, 40 * MIN));
    expect(moved.scheduledAt).toBe(at(h, 40 * MIN));
    await h.time.advance(30 * MIN);
    expect(state(h, job.id)).toBe('queued');
    await h.time.advance(10 * MIN);
    expect(state(h, job.id)).toBe('sent');
    await expect(h.module.service.reschedule(job.id, at(h, 50 * MIN))).rejects.toMatchObject({
      code: 'invalid_input',
    });

    const late = h.module.service.submit({
      draftId: null,
      post: post('Late', ['acct-2'], at(h, MIN)),
      clearanceId: null,
      undoSeconds: 0,
      campaign: null,
    }).jobs[0]!;
    await h.sleep(30 * MIN);
    expect(state(h, late.id)).toBe('overdue');
    const back = await h.module.service.reschedule(late.id, at(h, 5 * MIN));
    expect(back.state).toBe('queued');
    await h.time.advance(5 * MIN);
    expect(state(h, late.id)).toBe('sent');
  });
});
