// bench:search — 200,000 archived items, then the archive is closed and reopened (the index loads from
// its persisted segments) and 20 varied queries are timed from the UI thread, postMessage round trip
// included. Three rounds; p95 over all 60 samples and over the first round. Prints one JSON line last.
import type { ArchiveQuery } from '../../src-renderer/archive/archive-port.ts';
import type { BenchApi } from './support/bench-page.ts';
import { log, startBenchBrowser } from './support/bench-browser.ts';
import { authorHandle } from './support/generate-items.ts';

const ITEMS = Number(process.env.ITEMS ?? 200_000);
const ROUNDS = 3;
const DAY = 86_400_000;
const iso = (daysAgo: number): string => new Date(Date.now() - daysAgo * DAY).toISOString();

const QUERIES: ArchiveQuery[] = [
  { text: 'the' },
  { text: 'release' },
  { text: 'merci' },
  { text: 'cafe' },
  { text: 'aubergine' },
  { text: 'quokka zeppelin' },
  { text: 'team update' },
  { text: 'service client' },
  { text: 'network outage' },
  { text: '"customer support"' },
  { text: '"mise à jour"' },
  { text: '"new feature" launch' },
  { text: 'release', networks: ['mastodon'] },
  { text: 'problem', sentiments: ['negative'] },
  { text: 'merci', languages: ['fr'], from: iso(7) },
  { text: '', author: authorHandle(12) },
  { text: '#opensource' },
  { text: '@user42.example' },
  { text: 'update', accountIds: ['acct-2'], to: iso(30) },
  { text: 'great product', sentiments: ['positive'], networks: ['bluesky'] },
];

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};
const round1 = (n: number): number => Math.round(n * 10) / 10;

type Bench = { roostBench: BenchApi };
const browser = await startBenchBrowser();
try {
  const { page } = browser;
  log(`generating and ingesting ${ITEMS} items…`);
  const ingestMs = await page.evaluate(
    ([db, n]) => (window as unknown as Bench).roostBench.ingestStreaming(db as string, n as number),
    ['search', ITEMS] as const,
  );
  log(`  ${Math.round((ITEMS / ingestMs) * 1000)} items/s including generation`);
  log('reopening the archive…');
  const opened = await page.evaluate(
    (db) => (window as unknown as Bench).roostBench.openArchive(db),
    'search',
  );
  log(`  index ${opened.stats.indexLoad.source}: ${Math.round(opened.stats.indexLoad.ms)} ms in the worker`);
  const samples: number[] = [];
  const firstRound: number[] = [];
  const perQuery: { text: string; filters: boolean; hits: number; ms: number[] }[] = QUERIES.map((q) => ({
    text: q.text,
    filters: Object.keys(q).length > 1,
    hits: 0,
    ms: [],
  }));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, query] of QUERIES.entries()) {
      const { ms, hits } = await page.evaluate(
        (q) => (window as unknown as Bench).roostBench.timeQuery(q),
        query,
      );
      samples.push(ms);
      if (round === 0) firstRound.push(ms);
      const entry = perQuery[i];
      if (entry) {
        entry.hits = hits;
        entry.ms.push(round1(ms));
      }
    }
  }
  const stats = await page.evaluate(() => (window as unknown as Bench).roostBench.stats());
  for (const q of perQuery)
    log(`  ${JSON.stringify(q.text)}${q.filters ? ' +filters' : ''}: ${q.hits} hits, ${q.ms.join(' / ')} ms`);
  console.log(
    JSON.stringify({
      bench: 'search',
      items: ITEMS,
      liveItems: stats.liveItems,
      queries: QUERIES.length,
      samples: samples.length,
      p95Ms: round1(percentile(samples, 95)),
      medianMs: round1(percentile(samples, 50)),
      maxMs: round1(Math.max(...samples)),
      firstRoundP95Ms: round1(percentile(firstRound, 95)),
      goalP95Ms: 50,
      ingestItemsPerSec: Math.round((ITEMS / ingestMs) * 1000),
      indexLoadMs: Math.round(opened.stats.indexLoad.ms),
      indexLoadSource: opened.stats.indexLoad.source,
      indexSegments: opened.stats.indexLoad.segmentsRead,
      openRoundTripMs: Math.round(opened.openMs),
      indexEstimatedMB: round1(stats.index.estimatedBytes / 1_048_576),
      indexTerms: stats.index.terms,
      indexPostings: stats.index.postings,
      workerHeapMB: stats.heapBytes === null ? null : round1(stats.heapBytes / 1_048_576),
    }),
  );
} finally {
  await browser.close();
}
