// bench:analytics — the Analytics section on a year of data, in Debian's Chromium with an on-disk profile:
// - dashboardMs: mount the section on the 1-year range over 20 listening columns × 8,760 hourly rows (plus
//   audience, sent posts and a campaign) until every chart card is drawn; the median of RUNS mounts.
// - aggregateMsPer100k: 100,000 items counted in a worker the way ingest counts them (tally per 50-item batch,
//   pending counts flushed into IndexedDB every 2,000 items), timed as they arrive live. With SCATTERED=1 also
//   `aggregateMsPer100kScattered`: the same number spread over the whole year, so every flush touches hundreds
//   of hours (a backfill, the worst case; minutes on a loaded machine).
// - ingestLongTasks: main-thread long tasks (> 50 ms) while 100 items/s go through the real archive worker
//   with the dashboard open, for INGEST_SECONDS (65 by default, so the dashboard's minute reload is inside).
// With PROFILE=file.cpuprofile, the second mount (the worker's rows already read) is CPU-profiled on the UI
// thread and written there, with its top self-time functions on stderr; PROFILE_ONLY=1 stops after it.
// Prints one JSON line last.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { chromium, type CDPSession } from 'playwright';
import { chromiumArgs, chromiumPath } from '../support/chromium.ts';
import type { AnalyticsBench } from './analytics/analytics-page.tsx';
import { buildBenchPage } from './deck-page.ts';

const RUNS = Number(process.env.RUNS ?? 5);
const INGEST_SECONDS = Number(process.env.INGEST_SECONDS ?? 65);
const SCATTERED = process.env.SCATTERED === '1';
const RATE = 100;
const CHARTS = 13;
const PROFILE = process.env.PROFILE ?? '';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

/** The functions the UI thread spent most samples in, self time only. */
function topSelf(profile: { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] }): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  (profile.samples ?? []).forEach((id, i) => {
    const frame = byId.get(id)?.callFrame;
    const key = `${frame?.functionName || '(anonymous)'} ${frame?.url.split('/').slice(-2).join('/')}:${frame?.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas?.[i] ?? 0) / 1_000);
  });
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 25)
    .map(([k, ms]) => `${Math.round(ms)} ms  ${k}`);
}

type Bench = AnalyticsBench;
type Win = { __bench: Bench };
const log = (message: string) => process.stderr.write(`${message}\n`);

const page = await buildBenchPage(true, './analytics/analytics-page.tsx');
const work = mkdtempSync(path.join(tmpdir(), 'roost-analytics-bench-'));
const context = await chromium.launchPersistentContext(path.join(work, 'profile'), {
  executablePath: chromiumPath(),
  args: chromiumArgs,
  headless: true,
  viewport: { width: 1440, height: 900 },
  env: {
    ...process.env,
    XDG_CONFIG_HOME: path.join(work, 'config'),
    XDG_CACHE_HOME: path.join(work, 'cache'),
  },
});
try {
  const tab = context.pages()[0] ?? (await context.newPage());
  tab.on('pageerror', (error) => log(`page error: ${error.message}`));
  await tab.goto(page.url);
  await tab.waitForFunction(() => document.title === 'ready', null, { timeout: 60_000 });
  log('seeding a year of counts for 20 columns…');
  const rows = await tab.evaluate(() => (window as unknown as Win).__bench.seed());
  const opens: number[] = [];
  const seriesAnswers: number[] = [];
  let charts = 0;
  for (let run = 0; run < RUNS; run += 1) {
    let cdp: CDPSession | null = null;
    if (PROFILE && run === 1) {
      cdp = await context.newCDPSession(tab);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 1_000 });
      await cdp.send('Profiler.start');
    }
    const result = await tab.evaluate((n) => (window as unknown as Win).__bench.open(n), CHARTS);
    if (cdp) {
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(PROFILE, JSON.stringify(profile));
      log(topSelf(profile as never).join('\n'));
      if (process.env.PROFILE_ONLY === '1') process.exit(0);
    }
    opens.push(result.ms);
    charts = result.charts;
    seriesAnswers.push(result.seriesMs);
    log(
      `  dashboard drawn in ${Math.round(result.ms)} ms (${result.charts} charts; the worker's series came back at ${Math.round(result.seriesMs)} ms)`,
    );
  }
  const reads = await tab.evaluate(() => (window as unknown as Win).__bench.reads());
  log(
    `  reading the counts: ${Math.round(reads.countsMs)} ms, the day rows: ${Math.round(reads.dailyMs)} ms, the column keys: ${Math.round(reads.columnsMs)} ms, the worker's 1-year series: ${Math.round(reads.seriesMs)} ms`,
  );
  log('aggregating 100,000 items in a worker…');
  const ordered = await tab.evaluate(() => (window as unknown as Win).__bench.aggregate(100_000, false));
  const scattered = SCATTERED
    ? await tab.evaluate(() => (window as unknown as Win).__bench.aggregate(100_000, true))
    : null;
  for (const run of [ordered, scattered]) {
    if (run && run.total !== 100_000) throw new Error(`aggregation lost items: ${run.total} of 100,000`);
  }
  log(`ingesting ${RATE} items/s for ${INGEST_SECONDS} s with the dashboard open…`);
  await tab.evaluate((n) => (window as unknown as Win).__bench.open(n), CHARTS);
  const ingest = await tab.evaluate(
    ([rate, ms]) => (window as unknown as Win).__bench.ingest(rate!, ms!),
    [RATE, INGEST_SECONDS * 1_000],
  );
  log(
    `  long tasks during ingest: ${ingest.longTasks.map((d, i) => `${Math.round(d)} ms at ${ingest.startsMs[i]} ms`).join(', ') || 'none'}`,
  );
  const sorted = [...opens].sort((a, b) => a - b);
  console.log(
    JSON.stringify({
      bench: 'analytics',
      columns: 20,
      hourlyRows: rows,
      charts,
      dashboardMs: Math.round(sorted[Math.floor(sorted.length / 2)]!),
      dashboardRunsMs: opens.map(Math.round),
      seriesAnsweredRunsMs: seriesAnswers.map(Math.round),
      readCountsMs: Math.round(reads.countsMs),
      readDailyMs: Math.round(reads.dailyMs),
      dailyRows: reads.dailyRows,
      readColumnsMs: Math.round(reads.columnsMs),
      workerSeriesMs: Math.round(reads.seriesMs),
      aggregateMsPer100k: Math.round(ordered.ms),
      ...(scattered && { aggregateMsPer100kScattered: Math.round(scattered.ms) }),
      ingestItems: ingest.items,
      ingestSeconds: INGEST_SECONDS,
      ingestLongTasks: ingest.longTasks.length,
      longestIngestTaskMs: Math.round(Math.max(0, ...ingest.longTasks)),
      goals: { dashboardMs: 500, aggregateMsPer100k: 1_000, ingestLongTasks: 0 },
    }),
  );
} finally {
  await context.close();
  await page.close();
  rmSync(work, { recursive: true, force: true });
}
