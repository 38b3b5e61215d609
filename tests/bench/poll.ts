// bench:poll — 12 Mastodon-like columns on one account under a simulated clock: an hour of polling against a
// server enforcing 300 requests / 5 min (429 beyond), then a 2-hour sleep and the catch-up after waking.
// Measures the busiest sliding 5-minute window, 429s, seconds from wake until every column caught up, and gap
// markers. Prints details, then one JSON line; exits non-zero when a goal is missed.
import { columnSourceKey, type ColumnSource } from '../../src-shared/domain/column.ts';
import { createHarness, mastodonSource, maxInWindow } from '../unit/streams/support/harness.ts';

const MIN = 60_000;
const COLUMNS: ColumnSource[] = [
  mastodonSource('acct-1', 'home'),
  mastodonSource('acct-1', 'notifications'),
  mastodonSource('acct-1', 'mentions'),
  mastodonSource('acct-1', 'local'),
  mastodonSource('acct-1', 'federated'),
  ...['news', 'library', 'opendata', 'events'].map((tag) => mastodonSource('acct-1', 'hashtag', tag)),
  ...['team', 'press', 'partners'].map((list) => mastodonSource('acct-1', 'list', list)),
];
const POST_EVERY_MS = 2_000; // round robin: each column gets a post every 24 s

const h = createHarness({
  network: { latencyMs: 250, rateLimit: { limit: 300, windowMs: 5 * MIN } },
});
const { time, net, poller } = h;

let next = 0;
const postLoop = (): void => {
  net.post(COLUMNS[next % COLUMNS.length] as ColumnSource);
  next += 1;
  time.timers.setTimeout(postLoop, POST_EVERY_MS);
};
postLoop();

// Every column on screen: the most demanding case for the budget.
for (const source of COLUMNS) poller.subscribe(source, { visible: true });
h.start();
await time.advance(60 * MIN);
const awakeRequests = net.requests.length;

poller.suspend();
const sleptAt = time.now();
await time.advance(120 * MIN);
const requestsWhileAsleep = net.requests.filter((r) => r.at > sleptAt + 1_000).length;

const wokeAt = time.now();
poller.resume();
const caughtUp = new Map<string, number>();
for (let step = 0; step < 600 && caughtUp.size < COLUMNS.length; step += 1) {
  await time.advance(100);
  for (const batch of h.batches()) {
    if (batch.placement === 'newest' && !caughtUp.has(batch.columnKey)) {
      const answered = net.requests.filter(
        (r) => r.sourceKey === batch.columnKey && r.at >= wokeAt && r.outcome === 'ok',
      );
      if (answered.length > 0) caughtUp.set(batch.columnKey, answered[0]!.at);
    }
  }
}
const catchUpSeconds =
  caughtUp.size < COLUMNS.length ? null : (Math.max(...caughtUp.values()) - wokeAt) / 1000;
const gaps = h.gaps().filter((g) => COLUMNS.some((c) => columnSourceKey(c) === g.columnKey));
const columnsWithGap = new Set(gaps.map((g) => g.columnKey)).size;

// Fill one gap per column, as a user scrolling through would, then keep polling for half an hour.
const loads = Promise.all(gaps.map((gap) => poller.loadGap(gap.columnKey, gap)));
await time.advance(30 * MIN);
await loads;
h.stop();

const maxRequestsPer5Min = maxInWindow(
  net.requests.map((r) => r.at),
  5 * MIN,
);
const http429 = net.requests.filter((r) => r.outcome === 'rate_limited').length;
console.log(
  `requests: ${awakeRequests} in the first hour, ${requestsWhileAsleep} while asleep, ${net.requests.length} in all`,
);
console.log(`catch-up: ${caughtUp.size}/${COLUMNS.length} columns; gap markers on ${columnsWithGap} columns`);

const goals = {
  maxRequestsPer5Min: maxRequestsPer5Min <= 150,
  http429: http429 === 0,
  catchUpSeconds: catchUpSeconds !== null && catchUpSeconds <= 10,
  gapMarkers: columnsWithGap === COLUMNS.length,
  asleep: requestsWhileAsleep === 0,
};
const missed = Object.entries(goals)
  .filter(([, ok]) => !ok)
  .map(([name]) => name);
if (missed.length > 0) {
  console.log(`goals missed: ${missed.join(', ')}`);
  process.exitCode = 1;
}
console.log(
  JSON.stringify({
    maxRequestsPer5Min,
    http429,
    catchUpSeconds,
    gapMarkers: gaps.length,
    columns: COLUMNS.length,
  }),
);
