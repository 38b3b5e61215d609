// The hijack watch over a real SQLite store with a scripted network: the first round is a baseline, an
// unchanged probe costs one read and nothing else, a post seen while one of the account's jobs is sending
// is judged on the next round (and not alerted when it turns out to be that job's), and rounds come at most
// one interval apart.
import { afterEach, describe, expect, it } from 'vitest';
import { openMainStore, type MainStore } from '../../../src-main/store/main-store.ts';
import { createHijackWatch } from '../../../src-main/protection/hijack-watch.ts';
import type { OwnStateReader } from '../../../src-main/protection/own-state-reader.ts';
import { createProtectionRepository } from '../../../src-main/protection/protection-repository.ts';
import type { StoredJob } from '../../../src-main/publishing/outbox-job.ts';
import type { HijackAlert } from '../../../src-shared/contract/protection-contract.ts';
import type { OwnEntry } from '../../../src-shared/protection/hijack-diff.ts';
import { accountFixture } from '../../support/builders/accounts.ts';

const account = accountFixture(1, { remoteId: 'did:plc:brand' });
const postUri = (rkey: string) => `at://did:plc:brand/app.bsky.feed.post/${rkey}`;
const entry = (rkey: string, minute: number): OwnEntry => ({
  uri: postUri(rkey),
  kind: 'post',
  subjectUri: null,
  createdAt: `2026-12-07T10:${String(minute).padStart(2, '0')}:00.000Z`,
  text: `post ${rkey}`,
});

/** A post job as the outbox keeps it: only what the watch reads. */
const postJob = (rkey: string, state: StoredJob['state'], remoteId: string | null) =>
  ({
    id: `job-${rkey}`,
    accountId: account.id,
    state,
    rkey,
    remoteId,
    payload: { action: null },
  }) as unknown as StoredJob;

function scriptedNetwork() {
  const net = {
    mark: 'rev-1',
    profile: { displayName: 'Brand', avatar: 'cid-1', description: 'Official' },
    entries: [entry('a', 1)],
    reads: [] as string[],
  };
  const reader: OwnStateReader = {
    probe: async () => (net.reads.push('probe'), { mark: net.mark, profile: null }),
    profile: async () => (net.reads.push('profile'), { ...net.profile }),
    feed: async () => (net.reads.push('feed'), { entries: [...net.entries], complete: true }),
  };
  return { net, reader };
}

describe('hijack watch', () => {
  let store: MainStore | undefined;
  afterEach(() => store?.close());

  function setup() {
    store = openMainStore({ path: ':memory:' });
    const { net, reader } = scriptedNetwork();
    const jobs: StoredJob[] = [];
    const announced: HijackAlert[][] = [];
    const pending: { fn: () => void; ms: number }[] = [];
    let ids = 0;
    const watch = createHijackWatch({
      repo: createProtectionRepository(store),
      accounts: () => [account],
      reader: async () => reader,
      jobs: () => jobs,
      clock: { now: () => 1_000 },
      timers: {
        setTimeout: (fn, ms) => pending.push({ fn, ms }),
        clearTimeout: () => undefined,
      },
      random: () => 0.99,
      intervalMs: 120_000,
      newId: () => `alert-${++ids}`,
      onAlerts: (alerts) => announced.push(alerts),
      onError: (_id, error) => {
        throw error;
      },
    });
    return { net, jobs, announced, pending, watch };
  }

  it('records a baseline first, then costs one probe per round while nothing changed', async () => {
    const { net, watch, announced } = setup();
    expect(await watch.checkAll()).toEqual({ checked: 1, raised: 0 });
    expect(net.reads).toEqual(['probe', 'profile', 'feed']);
    net.reads.length = 0;
    expect(await watch.checkAll()).toEqual({ checked: 1, raised: 0 });
    expect(net.reads).toEqual(['probe']);
    expect(announced).toEqual([]);
  });

  it('alerts for a post and an avatar change made elsewhere, and announces them once', async () => {
    const { net, watch, announced } = setup();
    await watch.checkAll();
    net.mark = 'rev-2';
    net.entries = [entry('b', 2), entry('a', 1)];
    net.profile = { ...net.profile, avatar: 'cid-2' };
    expect(await watch.checkAll()).toEqual({ checked: 1, raised: 2 });
    expect(announced.flat().map((a) => [a.kind, a.uri, a.field])).toEqual([
      ['post', postUri('b'), null],
      ['profile', null, 'avatar'],
    ]);
    expect(await watch.checkAll()).toEqual({ checked: 1, raised: 0 });
  });

  it('judges a post seen while a job is sending on the next round, and never alerts for that job', async () => {
    const { net, jobs, watch } = setup();
    await watch.checkAll();
    jobs.push(postJob('c', 'sending', null));
    net.mark = 'rev-2';
    net.entries = [entry('zz', 3), entry('a', 1)];
    expect(await watch.checkAll()).toEqual({ checked: 1, raised: 0 });
    // The job finished: it was `zz`'s record key after all.
    jobs[0] = postJob('zz', 'sent', postUri('zz'));
    net.reads.length = 0;
    expect(await watch.checkAll()).toEqual({ checked: 1, raised: 0 });
    // The mark had not moved, but the undecided entry forced a feed read.
    expect(net.reads).toEqual(['probe', 'profile', 'feed']);
  });

  it('alerts on the next round when the post seen during a send was not that job’s', async () => {
    const { net, jobs, watch } = setup();
    await watch.checkAll();
    jobs.push(postJob('c', 'sending', null));
    net.mark = 'rev-2';
    net.entries = [entry('zz', 3), entry('a', 1)];
    await watch.checkAll();
    jobs[0] = postJob('c', 'sent', postUri('c'));
    expect(await watch.checkAll()).toEqual({ checked: 1, raised: 1 });
  });

  it('runs rounds no more than one polling interval apart', async () => {
    const { pending, watch } = setup();
    const stop = watch.start();
    expect(pending).toHaveLength(1);
    expect(pending[0]!.ms).toBeLessThanOrEqual(10_000);
    pending.shift()!.fn();
    await new Promise((r) => setTimeout(r, 0));
    await new Promise((r) => setTimeout(r, 0));
    expect(pending).toHaveLength(1);
    expect(pending[0]!.ms).toBeLessThanOrEqual(120_000);
    expect(pending[0]!.ms).toBeGreaterThan(100_000);
    stop();
  });
});
