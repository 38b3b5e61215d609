// The page bench:analytics loads: the real Analytics section on a seeded database (one year of hourly counts
// for 20 listening columns), the real analytics worker summing the series, the aggregation worker, the real
// archive worker for live ingest, and a desk answering desk:stats with a year of inquiries.
// window.__bench drives it; each method answers plain numbers.
import { createRoot, type Root } from 'react-dom/client';
import { columnSourceKey } from '../../../src-shared/domain/column.ts';
import { AppProviders, type AppServices } from '../../../src-renderer/app-context.tsx';
import { createArchive } from '../../../src-renderer/archive/create-archive.ts';
import { createClient } from '../../../src-renderer/bridge/client.ts';
import { openRoostDb, type RoostDb } from '../../../src-renderer/db/roost-db.ts';
import { createMemorySettingsRepository } from '../../../src-renderer/db/settings-repository.ts';
import { AnalyticsScreen } from '../../../src-renderer/features/analytics/analytics-screen.tsx';
import { AnalyticsSetupProvider } from '../../../src-renderer/features/analytics/analytics-setup.tsx';
import { createAnalyticsWorker } from '../../../src-renderer/features/analytics/worker/create-analytics-worker.ts';
import { resolveRange } from '../../../src-shared/analytics/time-range.ts';
import type { DeskStats } from '../../../src-shared/contract/desk-contract.ts';
import {
  listeningColumns,
  readDailyListening,
  readListening,
} from '../../../src-renderer/features/analytics/repositories/listening-repository.ts';
import { createI18n } from '../../../src-renderer/i18n/i18n.ts';
import { createRoostStore } from '../../../src-renderer/store/store.ts';
import { createMemoryMain } from '../../browser/support/memory-main.ts';
import { generateItems, rng } from '../support/generate-items.ts';
import type { AggregateRequest } from './aggregate-worker.ts';
import { COLUMNS, columnSource, seedAnalytics } from './seed-analytics.ts';
import '../../../src-renderer/styles/app.css';

const dbName = `analytics-bench-${Date.now()}`;
const columnKeys = Array.from({ length: COLUMNS }, (_, c) => columnSourceKey(columnSource(c)));
/** Long tasks with when they began: the observer delivers entries late, so a task of the mount before the
 * ingest can arrive after the ingest started and must not count. */
const longTasks: { start: number; duration: number }[] = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
}).observe({ type: 'longtask' });

let db: RoostDb | null = null;
let root: Root | null = null;
const archive = createArchive({ dbName });
const worker = createAnalyticsWorker(dbName);
/** When the mount's series came back from the worker, in ms after mounting: reads versus drawing. */
let mountedAt = 0;
let seriesAnsweredMs = 0;
const series: typeof worker = {
  async load(request) {
    const answer = await worker.load(request);
    seriesAnsweredMs = performance.now() - mountedAt;
    return answer;
  },
  close: () => worker.close(),
};

/** A desk with a few conversations in every bucket, two experts and two desks. */
function deskStats(input: { from: number; to: number; bucketMs: number }): DeskStats {
  const volume = [];
  for (let t = input.from; t < input.to; t += input.bucketMs)
    volume.push({ start: t, conversations: 3 + (t % 7) });
  const row = (key: string, n: number) => ({
    key,
    conversations: n,
    responded: n - 2,
    medianFirstResponseMs: 1_800_000 + n * 1_000,
    slaMet: n - 5,
    slaMissed: 3,
  });
  return { volume, experts: [row('me', 120), row('', 40)], desks: [row('acct-0', 100), row('acct-1', 60)] };
}

const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));

/** Every chart card shows its marks (lines, bars, cells) or its list. */
function drawn(expectedCharts: number): boolean {
  const cards = [...document.querySelectorAll('.chart-card')];
  if (cards.length < expectedCharts) return false;
  return cards.every(
    (card) =>
      card.querySelector(
        '.recharts-line-curve, .recharts-bar-rectangle, .recharts-area-area, rect[data-value], li, td',
      ) !== null,
  );
}

const bench = {
  async seed(): Promise<number> {
    db = await openRoostDb({ name: dbName });
    return seedAnalytics(db, columnKeys, Date.now());
  },

  /** Mounts the Analytics section on the 1-year range; ms from mounting until every chart is drawn. */
  async open(expectedCharts: number): Promise<{ ms: number; charts: number; seriesMs: number }> {
    const main = createMemoryMain([], undefined, { 'desk:stats': deskStats });
    const services: AppServices = {
      client: createClient(main.transport),
      store: createRoostStore({ locale: 'en', section: 'analytics' }),
      settings: createMemorySettingsRepository(),
      i18n: await createI18n('en'),
    };
    root?.unmount();
    const host = document.getElementById('root')!;
    root = createRoot(host);
    const started = performance.now();
    mountedAt = started;
    root.render(
      <AppProviders services={services}>
        <AnalyticsSetupProvider setup={{ db: db!, archive, series, initialPreset: '1y', offsetMinutes: 0 }}>
          <main className="app-main" data-section="analytics">
            <AnalyticsScreen />
          </main>
        </AnalyticsSetupProvider>
      </AppProviders>,
    );
    while (!drawn(expectedCharts)) {
      await frame();
      if (performance.now() - started > 60_000) throw new Error('the dashboard did not draw within 60 s');
    }
    // The frame that shows it.
    await frame();
    return {
      ms: performance.now() - started,
      charts: document.querySelectorAll('.chart-card').length,
      seriesMs: seriesAnsweredMs,
    };
  },

  /** Counts `count` items through the aggregation worker; `scattered` spreads them over the year at random. */
  async aggregate(count: number, scattered: boolean): Promise<{ ms: number; rows: number; total: number }> {
    const random = rng(count + (scattered ? 1 : 0));
    const now = Date.now();
    const year = 365 * 86_400_000;
    // Live arrival: the items' times span the 1,000 s they take to arrive at 100 items/s.
    const arrivalMs = (count / 100) * 1_000;
    const items: AggregateRequest['items'] = Array.from({ length: count }, (_, i) => ({
      column: Math.floor(random() * COLUMNS),
      // As they arrive live, or anywhere in the past year (a backfill: the worst case for the flush).
      time: scattered ? now - random() * year : now - arrivalMs + (i / count) * arrivalMs,
      sentiment: (['positive', 'neutral', 'negative'] as const)[Math.floor(random() * 3)]!,
      lang: random() < 0.7 ? 'en' : 'fr',
      network: random() < 0.6 ? 'bluesky' : 'mastodon',
    }));
    const worker = new Worker(new URL('./aggregate-worker.ts', import.meta.url), { type: 'module' });
    try {
      return await new Promise((resolve, reject) => {
        worker.onmessage = (e) => resolve(e.data);
        worker.onerror = (e) => reject(new Error(e.message));
        worker.postMessage({
          dbName: `aggregate-bench-${scattered ? 's' : 'a'}-${Date.now()}`,
          columnKeys,
          items,
          batchSize: 50,
          flushEvery: 2_000,
        } satisfies AggregateRequest);
      });
    } finally {
      worker.terminate();
    }
  },

  /** `rate` items/s into the real archive worker (spread over the 20 columns) for `ms`, dashboard open. */
  async ingest(
    rate: number,
    ms: number,
  ): Promise<{ longTasks: number[]; startsMs: number[]; items: number }> {
    const items = generateItems(0, Math.ceil((rate * ms) / 1_000) + rate, 7);
    longTasks.length = 0;
    const began = performance.now();
    let sent = 0;
    const tickMs = 100;
    const perTick = (rate * tickMs) / 1_000;
    const timer = setInterval(() => {
      const now = new Date().toISOString();
      const batch = items.slice(sent, sent + perTick).map((item) => ({ ...item, createdAt: now }));
      void archive.ingest(columnKeys[(sent / perTick) % COLUMNS]!, batch);
      sent += batch.length;
    }, tickMs);
    await new Promise((r) => setTimeout(r, ms));
    clearInterval(timer);
    await archive.whenIdle();
    const during = longTasks.filter((task) => task.start >= began);
    return {
      longTasks: during.map((task) => task.duration),
      startsMs: during.map((task) => Math.round(task.start - began)),
      items: sent,
    };
  },

  /** Where opening the dashboard spends its time: the two reads it starts with, alone. */
  async reads(): Promise<{
    countsMs: number;
    dailyMs: number;
    columnsMs: number;
    rows: number;
    dailyRows: number;
    seriesMs: number;
  }> {
    // Alone: a mounted dashboard's own reads would queue in front of these.
    root?.unmount();
    root = null;
    const now = Date.now();
    let started = performance.now();
    const rows = await readListening(db!, now - 2 * 365 * 86_400_000, now + 3_600_000);
    const countsMs = performance.now() - started;
    started = performance.now();
    const days = await readDailyListening(db!, now - 2 * 365 * 86_400_000, now + 86_400_000);
    const dailyMs = performance.now() - started;
    started = performance.now();
    await listeningColumns(db!);
    const columnsMs = performance.now() - started;
    // The worker's whole answer for the 1-year range: its reads, its sums, and the arrays crossing back.
    started = performance.now();
    await worker.load({ range: resolveRange('1y', now), columnKeys: null, offsetMinutes: 0, reloadKey: -1 });
    const seriesMs = performance.now() - started;
    return {
      countsMs,
      dailyMs,
      columnsMs,
      seriesMs,
      rows: rows.length,
      dailyRows: days.length,
    };
  },
};

/** What the Node side of bench:analytics calls, answered with plain numbers. */
export type AnalyticsBench = typeof bench;
(window as unknown as { __bench: typeof bench }).__bench = bench;
document.title = 'ready';
