// bench:ingest — 50,000 realistic items (~1.6 KB each, en/fr) ingested through the archive worker into
// Dexie (tokenising, sentiment, search index and column membership included), against raw IndexedDB puts
// of the same rows in the same browser. Raw runs before and after the archive; their mean is the baseline.
// Both use relaxed durability, and the raw store declares the same indexes as the archive's items table.
// The raw rows are derived before its clock starts; the archive's clock includes deriving them.
// Prints one JSON line last.
import type { BenchApi } from './support/bench-page.ts';
import { log, startBenchBrowser } from './support/bench-browser.ts';

const ITEMS = Number(process.env.ITEMS ?? 50_000);
const SETTLE_MS = 5_000;

type Bench = { roostBench: BenchApi };
const browser = await startBenchBrowser();
try {
  const { page } = browser;
  log(`generating ${ITEMS} items…`);
  const avgBytes = await page.evaluate((n) => (window as unknown as Bench).roostBench.generate(n), ITEMS);
  log(`average item ${Math.round(avgBytes)} bytes as JSON`);
  // Each phase starts after a pause so the previous one's background storage work has settled.
  const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  const raw = async (name: string): Promise<number> => {
    await settle();
    log(`raw IndexedDB (${name})…`);
    const ms = await page.evaluate((db) => (window as unknown as Bench).roostBench.rawIdb(db), `raw-${name}`);
    log(`  ${Math.round((ITEMS / ms) * 1000)} items/s`);
    return ms;
  };
  const rawBefore = await raw('before');
  await settle();
  log('archive worker ingest…');
  const archiveMs = await page.evaluate(
    (db) => (window as unknown as Bench).roostBench.ingestGenerated(db),
    'archive',
  );
  log(`  ${Math.round((ITEMS / archiveMs) * 1000)} items/s`);
  const rawAfter = await raw('after');
  const perSec = (ms: number): number => Math.round((ITEMS / ms) * 1000);
  const rawItemsPerSec = Math.round((perSec(rawBefore) + perSec(rawAfter)) / 2);
  const itemsPerSec = perSec(archiveMs);
  console.log(
    JSON.stringify({
      bench: 'ingest',
      items: ITEMS,
      avgItemBytes: Math.round(avgBytes),
      itemsPerSec,
      rawItemsPerSec,
      rawRunsItemsPerSec: [perSec(rawBefore), perSec(rawAfter)],
      ratioToRawIdb: Math.floor((itemsPerSec / rawItemsPerSec) * 1000) / 1000,
      goalRatio: 0.8,
    }),
  );
} finally {
  await browser.close();
}
