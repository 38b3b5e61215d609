// The poller's cadence under a simulated clock: shared sources, visible/hidden intervals with jitter and a floor,
// the per-account budget, and the slow safety poll while streaming.
import { afterEach, describe, expect, it } from 'vitest';
import { columnSourceKey } from '../../../src-shared/domain/column.ts';
import { createHarness, gapsBetween, mastodonSource, maxInWindow, type Harness } from './support/harness.ts';

const MIN = 60_000;
let harness: Harness | null = null;
afterEach(() => harness?.stop());

describe('poller cadence', () => {
  it('polls a source shared by two columns once per interval and reports items once', async () => {
    const h = (harness = createHarness());
    const source = mastodonSource('acct-1');
    const key = columnSourceKey(source);
    h.net.post(source, 3);
    const first = h.poller.subscribe(source);
    const second = h.poller.subscribe({ ...source });
    expect(second.columnKey).toBe(first.columnKey);
    h.start();
    await h.time.advance(10 * MIN);

    const requests = h.requestsFor(key);
    expect(requests.length).toBeGreaterThanOrEqual((10 * MIN) / 33_000 - 1);
    expect(requests.length).toBeLessThanOrEqual((10 * MIN) / 27_000 + 1);
    expect(h.batches(key)).toHaveLength(1);
    expect(h.batches(key)[0]?.items.map((i) => i.text)).toEqual(['post 3', 'post 2', 'post 1']);

    // Closing one column keeps the source polled for the other; closing both stops it.
    first.close();
    const before = h.requestsFor(key).length;
    await h.time.advance(2 * MIN);
    expect(h.requestsFor(key).length).toBeGreaterThan(before);
    second.close();
    const after = h.requestsFor(key).length;
    await h.time.advance(10 * MIN);
    expect(h.requestsFor(key).length).toBe(after);
  });

  it('polls visible columns about every 30 s and hidden ones about every 120 s, within the jitter', async () => {
    const h = (harness = createHarness());
    const visible = mastodonSource('acct-1', 'home');
    const hidden = mastodonSource('acct-1', 'notifications');
    h.poller.subscribe(visible, { visible: true });
    h.poller.subscribe(hidden, { visible: false });
    h.start();
    await h.time.advance(60 * MIN);

    for (const gap of gapsBetween(h.requestsFor(columnSourceKey(visible)))) {
      expect(gap).toBeGreaterThanOrEqual(27_000);
      expect(gap).toBeLessThanOrEqual(33_000);
    }
    const hiddenGaps = gapsBetween(h.requestsFor(columnSourceKey(hidden)));
    expect(hiddenGaps.length).toBeGreaterThan(20);
    for (const gap of hiddenGaps) {
      expect(gap).toBeGreaterThanOrEqual(108_000);
      expect(gap).toBeLessThanOrEqual(132_000);
    }
    // Jitter actually varies the intervals.
    expect(new Set(hiddenGaps).size).toBeGreaterThan(5);
  });

  it('speeds up a column when it becomes visible and never polls below the floor', async () => {
    const h = (harness = createHarness({ config: { visibleIntervalMs: 1_000, floorMs: 15_000 } }));
    const source = mastodonSource('acct-1');
    const key = columnSourceKey(source);
    const sub = h.poller.subscribe(source, { visible: false });
    h.start();
    await h.time.advance(10 * MIN);
    expect(h.requestsFor(key).length).toBeLessThanOrEqual(6);

    const lastHidden = h.requestsFor(key).at(-1) as number;
    const shownAt = h.time.now();
    sub.setVisible(true);
    await h.time.advance(10 * MIN);
    const afterShown = h.requestsFor(key).filter((t) => t > lastHidden);
    // Shown: the next poll comes one visible interval (raised to the floor) after the last, not 120 s after.
    expect(afterShown[0]).toBe(Math.max(shownAt, lastHidden + 15_000));
    for (const gap of gapsBetween(afterShown)) expect(gap).toBeGreaterThanOrEqual(15_000);
    expect(afterShown.length).toBeGreaterThan(30);
  });

  it('a column on screen joining a source polled in the background polls on the visible cadence', async () => {
    const h = (harness = createHarness({ config: { visibleIntervalMs: 1_000, floorMs: 15_000 } }));
    const source = mastodonSource('acct-1', 'mentions');
    const key = columnSourceKey(source);
    h.poller.subscribe(source, { visible: false }); // the inquiry desk's background subscription
    h.start();
    await h.time.advance(10 * MIN);
    const lastHidden = h.requestsFor(key).at(-1) as number;
    const joinedAt = h.time.now();
    h.poller.subscribe(source); // a mentions column on screen
    await h.time.advance(2 * MIN);
    const afterJoin = h.requestsFor(key).filter((t) => t > lastHidden);
    expect(afterJoin[0]).toBe(Math.max(joinedAt, lastHidden + 15_000));
    expect(afterJoin.length).toBeGreaterThanOrEqual(7);
  });

  it('keeps 40 columns on one Mastodon account within half its limit in every 5-minute window', async () => {
    const h = (harness = createHarness());
    for (let i = 0; i < 40; i += 1) h.poller.subscribe(mastodonSource('acct-1', 'hashtag', `tag${i}`));
    h.start();
    await h.time.advance(60 * MIN);
    const times = h.net.requests.map((r) => r.at);
    expect(maxInWindow(times, 5 * MIN)).toBeLessThanOrEqual(150);
    // The budget is spread over every column rather than starving some.
    for (let i = 0; i < 40; i += 1) {
      expect(
        h.requestsFor(columnSourceKey(mastodonSource('acct-1', 'hashtag', `tag${i}`))).length,
      ).toBeGreaterThan(20);
    }
  });

  it('gives each account its own budget', async () => {
    const h = (harness = createHarness());
    for (let i = 0; i < 30; i += 1) h.poller.subscribe(mastodonSource('acct-1', 'hashtag', `a${i}`));
    h.poller.subscribe(mastodonSource('acct-2'));
    h.start();
    await h.time.advance(30 * MIN);
    const second = h.requestsFor(columnSourceKey(mastodonSource('acct-2')));
    // acct-1's crowd does not slow acct-2's single column down.
    for (const gap of gapsBetween(second)) expect(gap).toBeLessThanOrEqual(33_000);
  });

  it('drops to a slow safety poll while streaming, and polls at once when the stream ends', async () => {
    const h = (harness = createHarness());
    const source = mastodonSource('acct-1');
    const key = columnSourceKey(source);
    h.poller.subscribe(source);
    h.start();
    await h.time.advance(MIN);
    h.poller.markStreaming(key, true);
    expect(h.poller.state(key)).toEqual({ kind: 'live' });
    const liveFrom = h.time.now();
    await h.time.advance(30 * MIN);
    const whileLive = h.requestsFor(key).filter((t) => t > liveFrom);
    expect(whileLive.length).toBeGreaterThanOrEqual(2);
    expect(whileLive.length).toBeLessThanOrEqual(4);

    h.poller.markStreaming(key, false);
    const droppedAt = h.time.now();
    await h.time.advance(0);
    expect(h.requestsFor(key).at(-1)).toBe(droppedAt);
    expect(h.poller.state(key)).toEqual({ kind: 'polling' });
  });
});
