// bench:soak — 300,000 items through 12 columns at an accelerated rate (as fast as frames allow). Compares
// the JS heap after a forced GC (CDP HeapProfiler.collectGarbage + Runtime.getHeapUsage) at the end with
// the heap after a warm-up of 60,000 items. Prints one JSON line last.
import { chromium } from 'playwright';
import { chromiumArgs, chromiumPath } from '../support/chromium.ts';
import { buildBenchPage } from './deck-page.ts';

const TOTAL = Number(process.env.SOAK_ITEMS ?? 300_000);
// Warm-up fills every column buffer and the archive (12 × 2,000) several times over, so growth after it is a leak.
const WARMUP = Math.min(60_000, Math.floor(TOTAL / 5));
const PER_FRAME = Number(process.env.SOAK_PER_FRAME ?? 25);

type Bench = {
  flood(total: number, perFrame: number): Promise<{ emitted: number; archived: number }>;
  preload(n: number): Promise<void>;
};

const page = await buildBenchPage();
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
try {
  const tab = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  const cdp = await tab.context().newCDPSession(tab);
  const heapMB = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize / 1_048_576;
  };
  await tab.goto(page.url);
  await tab.waitForFunction(() => document.title === 'ready', null, { timeout: 60_000 });
  const started = Date.now();
  await tab.evaluate(
    ([n, f]) => (window as unknown as { __bench: Bench }).__bench.flood(n!, f!),
    [WARMUP, PER_FRAME],
  );
  const warm = await heapMB();
  const end = await tab.evaluate(
    ([n, f]) => (window as unknown as { __bench: Bench }).__bench.flood(n!, f!),
    [TOTAL - WARMUP, PER_FRAME],
  );
  const final = await heapMB();
  const seconds = (Date.now() - started) / 1_000;
  console.log(
    JSON.stringify({
      bench: 'soak',
      columns: 12,
      items: end.emitted,
      itemsPerSecond: Math.round(end.emitted / seconds),
      seconds: Math.round(seconds),
      archive:
        'in-memory double, 2,000 items per column retention (tests/browser/streams/support/memory-archive.ts)',
      archivedAtEnd: end.archived,
      heapAfterWarmupMB: Math.round(warm * 10) / 10,
      heapEndMB: Math.round(final * 10) / 10,
      heapGrowthPct: Math.round(((final - warm) / warm) * 1_000) / 10,
    }),
  );
} finally {
  await browser.close();
  await page.close();
}
