// bench:soak — 300,000 items through 12 columns at an accelerated rate, into the real archive (its two
// workers and IndexedDB, retention 2,000 items per column). Compares the JS heap of the page and of the
// archive's workers, after forced GCs (CDP HeapProfiler.collectGarbage + Runtime.getHeapUsage), at the end
// with the same after a warm-up of 60,000 items; each is taken once the archive has caught up.
// SOAK_ARCHIVE=memory uses the in-memory archive double instead. Prints one JSON line last.
import { chromium } from 'playwright';
import { chromiumArgs, chromiumPath } from '../support/chromium.ts';
import { buildBenchPage } from './deck-page.ts';
import { watchWorkerHeaps } from './support/worker-heaps.ts';

const TOTAL = Number(process.env.SOAK_ITEMS ?? 300_000);
// Warm-up fills every column buffer and the archive (12 × 2,000) several times over, so growth after it is a leak.
const WARMUP = Math.min(60_000, Math.floor(TOTAL / 5));
// Per column per frame: ~12 × 4 × 60 = 2,900 items/s, which the archive keeps up with.
const PER_FRAME = Number(process.env.SOAK_PER_FRAME ?? 4);
const ARCHIVE = process.env.SOAK_ARCHIVE === 'memory' ? 'memory' : 'real';

type Bench = {
  flood(total: number, perFrame: number): Promise<{ emitted: number; archived: number }>;
  preload(n: number): Promise<void>;
};

const page = await buildBenchPage();
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
try {
  const tab = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  const cdp = await tab.context().newCDPSession(tab);
  const workers = await watchWorkerHeaps(cdp);
  const heapMB = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const workerBytes = await workers.usedBytes();
    return {
      pageMB: usedSize / 1_048_576,
      workersMB: workerBytes.map((b) => b / 1_048_576),
      totalMB: (usedSize + workerBytes.reduce((a, b) => a + b, 0)) / 1_048_576,
    };
  };
  await tab.goto(ARCHIVE === 'real' ? `${page.url}?archive=real` : page.url);
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
  const round = (mb: number): number => Math.round(mb * 10) / 10;
  console.log(
    JSON.stringify({
      bench: 'soak',
      columns: 12,
      items: end.emitted,
      itemsPerSecond: Math.round(end.emitted / seconds),
      seconds: Math.round(seconds),
      archive:
        ARCHIVE === 'real'
          ? 'real archive workers and IndexedDB, 2,000 items per column retention'
          : 'in-memory double, 2,000 items per column retention (tests/browser/streams/support/memory-archive.ts)',
      archivedAtEnd: end.archived,
      pageHeapMB: { afterWarmup: round(warm.pageMB), end: round(final.pageMB) },
      workerHeapsMB: { afterWarmup: warm.workersMB.map(round), end: final.workersMB.map(round) },
      heapAfterWarmupMB: round(warm.totalMB),
      heapEndMB: round(final.totalMB),
      heapGrowthPct: Math.round(((final.totalMB - warm.totalMB) / warm.totalMB) * 1_000) / 10,
    }),
  );
} finally {
  await browser.close();
  await page.close();
}
