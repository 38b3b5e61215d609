// bench:deck — 12 columns × 2,000 items, then 100 new items/s spread over the columns for 60 s while
// columns are scrolled. Reports main-thread long tasks (> 50 ms) and the p95 frame time, measured with
// rAF uncapped (--disable-frame-rate-limit --disable-gpu-vsync). Prints one JSON line last.
import { chromium } from 'playwright';
import { chromiumArgs, chromiumPath } from '../support/chromium.ts';
import { buildBenchPage } from './deck-page.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const RATE = Number(process.env.RATE ?? 100);

const page = await buildBenchPage();
const browser = await chromium.launch({
  executablePath: chromiumPath(),
  args: [...chromiumArgs, '--disable-frame-rate-limit', '--disable-gpu-vsync'],
});
try {
  const tab = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await tab.goto(page.url);
  await tab.waitForFunction(() => document.title === 'ready', null, { timeout: 60_000 });
  await tab.evaluate(() =>
    (window as unknown as { __bench: { preload(n: number): Promise<void> } }).__bench.preload(2_000),
  );
  await tab.waitForTimeout(1_000);
  const result = await tab.evaluate(
    ([rate, ms]) =>
      (
        window as unknown as {
          __bench: { live(r: number, m: number): Promise<Record<string, unknown> & { longTasks: number[] }> };
        }
      ).__bench.live(rate!, ms!),
    [RATE, SECONDS * 1_000],
  );
  const longTasks = result.longTasks;
  console.log(
    JSON.stringify({
      bench: 'deck',
      columns: 12,
      preloadedPerColumn: 2_000,
      ratePerSecond: RATE,
      seconds: SECONDS,
      archive: 'in-memory double (tests/browser/streams/support/memory-archive.ts)',
      longTasksOver50ms: longTasks.length,
      longestTaskMs: Math.round(Math.max(0, ...longTasks)),
      p50FrameMs: round(result.p50FrameMs as number),
      p95FrameMs: round(result.p95FrameMs as number),
      p99FrameMs: round(result.p99FrameMs as number),
      maxFrameMs: round(result.maxFrameMs as number),
      frames: result.frames,
      renderedCards: result.renderedCards,
    }),
  );
} finally {
  await browser.close();
  await page.close();
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
