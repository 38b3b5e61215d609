// Offline and sleep: nothing is requested while paused, everything catches up at once afterwards with gap
// markers where pages were skipped, and gaps and older pages load on request.
import { afterEach, describe, expect, it } from 'vitest';
import { RoostError } from '../../../src-shared/contract/errors.ts';
import { columnSourceKey } from '../../../src-shared/domain/column.ts';
import { createHarness, mastodonSource, type Harness } from './support/harness.ts';

const MIN = 60_000;
let harness: Harness | null = null;
afterEach(() => harness?.stop());

describe('poller recovery', () => {
  it('makes no request and keeps no timer while offline, then catches up every column at once', async () => {
    const h = (harness = createHarness());
    const sources = [
      mastodonSource('acct-1', 'home'),
      mastodonSource('acct-1', 'mentions'),
      mastodonSource('acct-2'),
    ];
    for (const s of sources) h.poller.subscribe(s);
    h.start();
    await h.time.advance(5 * MIN);

    h.poller.setOnline(false);
    const offlineAt = h.time.now();
    expect(h.time.pending()).toBe(0);
    for (const s of sources) {
      expect(h.poller.state(columnSourceKey(s))).toEqual({ kind: 'paused', reason: 'offline' });
    }
    await h.time.advance(60 * MIN);
    expect(h.net.requests.filter((r) => r.at > offlineAt)).toEqual([]);

    h.poller.setOnline(true);
    const onlineAt = h.time.now();
    await h.time.advance(0);
    for (const s of sources) {
      expect(h.requestsFor(columnSourceKey(s))).toContain(onlineAt);
      expect(h.poller.state(columnSourceKey(s))).toEqual({ kind: 'polling' });
    }
  });

  it('drops an answer that arrives after suspend, and staggers the catch-up within the concurrency limit', async () => {
    const h = (harness = createHarness({
      network: { latencyMs: 500, honourAbort: false },
      config: { maxConcurrent: 2 },
    }));
    const sources = Array.from({ length: 5 }, (_, i) => mastodonSource('acct-1', 'hashtag', `t${i}`));
    for (const s of sources) {
      h.net.post(s, 2);
      h.poller.subscribe(s);
    }
    h.start();
    const startedAt = h.time.now();
    await h.time.advance(100);
    h.poller.suspend();
    expect(h.poller.state(columnSourceKey(sources[0]!))).toEqual({ kind: 'paused', reason: 'asleep' });
    await h.time.advance(10 * MIN);
    // The two requests in flight were answered at +500 ms, after the suspend: their items are not reported.
    expect(h.net.requests.map((r) => r.at - startedAt)).toEqual([500, 500]);
    expect(h.batches()).toEqual([]);
    expect(h.time.pending()).toBe(0);

    h.poller.resume();
    const resumedAt = h.time.now();
    await h.time.advance(5_000);
    const starts = h.net.requests.filter((r) => r.at >= resumedAt);
    // Requests are logged when answered: two at a time, 500 ms each.
    expect(starts.map((r) => r.at - resumedAt)).toEqual([500, 500, 1_000, 1_000, 1_500]);
    expect(h.batches()).toHaveLength(5);
  });

  it('emits a gap marker when a column fell more than a page behind, and loadGap fills it page by page', async () => {
    const h = (harness = createHarness({ config: { pageSize: 10 } }));
    const source = mastodonSource('acct-1');
    const key = columnSourceKey(source);
    h.net.post(source, 5);
    h.poller.subscribe(source);
    h.start();
    await h.time.advance(MIN);
    h.poller.suspend();
    h.net.post(source, 25); // ids 6..30
    await h.time.advance(120 * MIN);
    h.poller.resume();
    await h.time.advance(0);

    const newest = h.batches(key).at(-1);
    expect(newest?.placement).toBe('newest');
    expect(newest?.items.map((i) => i.actionRef)).toEqual([
      '30',
      '29',
      '28',
      '27',
      '26',
      '25',
      '24',
      '23',
      '22',
      '21',
    ]);
    const [gap] = h.gaps(key);
    expect(gap).toEqual({ kind: 'gap', columnKey: key, before: '21', since: '5' });

    await h.poller.loadGap(key, gap!);
    const filled = h.batches(key).at(-1);
    expect(filled?.placement).toBe('gap');
    expect(filled?.filled).toEqual(gap);
    expect(filled?.items.map((i) => i.actionRef)).toEqual([
      '20',
      '19',
      '18',
      '17',
      '16',
      '15',
      '14',
      '13',
      '12',
      '11',
    ]);
    const narrower = h.gaps(key).at(-1)!;
    expect(narrower).toEqual({ kind: 'gap', columnKey: key, before: '11', since: '5' });

    await h.poller.loadGap(key, narrower);
    expect(
      h
        .batches(key)
        .at(-1)
        ?.items.map((i) => i.actionRef),
    ).toEqual(['10', '9', '8', '7', '6']);
    expect(h.gaps(key)).toHaveLength(2);

    // Every post arrived exactly once.
    const seen = h.batches(key).flatMap((b) => b.items.map((i) => Number(i.actionRef)));
    expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  });

  it('loads older pages below the first page of the session until there is nothing older', async () => {
    const h = (harness = createHarness({ config: { pageSize: 4 } }));
    const source = mastodonSource('acct-1');
    const key = columnSourceKey(source);
    h.net.post(source, 10);
    h.poller.subscribe(source);
    h.start();
    await h.time.advance(0);
    expect(await h.poller.loadOlder(key)).toBe(true);
    expect(await h.poller.loadOlder(key)).toBe(false);
    expect(await h.poller.loadOlder(key)).toBe(false);
    const older = h.batches(key).filter((b) => b.placement === 'older');
    expect(older.map((b) => b.items.map((i) => i.actionRef))).toEqual([
      ['6', '5', '4', '3'],
      ['2', '1'],
    ]);
  });

  it('polls at once on refresh, but not through a retry-after', async () => {
    const h = (harness = createHarness());
    const source = mastodonSource('acct-1');
    const key = columnSourceKey(source);
    h.poller.subscribe(source);
    h.start();
    await h.time.advance(5_000);
    h.poller.refresh(key);
    await h.time.advance(0);
    expect(h.requestsFor(key)).toEqual([h.time.now() - 5_000, h.time.now()]);

    h.net.failNext(key, Object.assign(new RoostError('rate_limited', 'slow'), { retryAfterMs: 60_000 }));
    await h.time.advance(40_000);
    const limited = h.requestsFor(key).length;
    h.poller.refresh(key);
    await h.time.advance(0);
    expect(h.requestsFor(key)).toHaveLength(limited);
  });

  it('refuses to load a gap while offline', async () => {
    const h = (harness = createHarness());
    const source = mastodonSource('acct-1');
    const key = columnSourceKey(source);
    h.poller.subscribe(source);
    h.start();
    h.poller.setOnline(false);
    await expect(
      h.poller.loadGap(key, { kind: 'gap', columnKey: key, before: '9', since: '1' }),
    ).rejects.toMatchObject({
      code: 'network_unreachable',
    });
  });

  it('stops for good: no more events, no timers', async () => {
    const h = (harness = createHarness());
    const source = mastodonSource('acct-1');
    h.poller.subscribe(source);
    h.start();
    await h.time.advance(MIN);
    h.stop();
    const events = h.events.length;
    const requests = h.net.requests.length;
    h.net.post(source, 3);
    await h.time.advance(60 * MIN);
    expect(h.time.pending()).toBe(0);
    expect(h.events.length).toBe(events);
    expect(h.net.requests.length).toBe(requests);
  });
});
