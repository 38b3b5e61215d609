// The page the deck benchmarks load: the real Streams section with 12 columns, fed by the in-memory main
// double. The archive is the in-memory double (bounded per column like the real one), or with `?archive=real`
// the real archive workers and IndexedDB. window.__bench drives it.
import { createRoot } from 'react-dom/client';
import { AppProviders, type AppServices } from '../../../../src-renderer/app-context.tsx';
import { createArchive } from '../../../../src-renderer/archive/create-archive.ts';
import { createClient } from '../../../../src-renderer/bridge/client.ts';
import { openRoostDb } from '../../../../src-renderer/db/roost-db.ts';
import { createMemorySettingsRepository } from '../../../../src-renderer/db/settings-repository.ts';
import { DeckSetupProvider } from '../../../../src-renderer/features/streams/deck-setup.tsx';
import { createLayoutRepository } from '../../../../src-renderer/features/streams/repositories/layout-repository.ts';
import { StreamsSection } from '../../../../src-renderer/features/streams/streams-section.tsx';
import { createI18n } from '../../../../src-renderer/i18n/i18n.ts';
import { createRoostStore } from '../../../../src-renderer/store/store.ts';
import type { StreamItem } from '../../../../src-shared/domain/stream-item.ts';
import { searchSource, keyOf } from './columns.ts';
import { makeItem } from './items.ts';
import { createMemoryArchive } from './memory-archive.ts';
import { createStreamsMain } from './streams-main.ts';
import '../../../../src-renderer/styles/app.css';
import '../../../../src-renderer/styles/streams.css';

const COLUMNS = 12;
const WORDS =
  'roost deck column stream post reply like boost refund delivery great service support team question thanks order'.split(
    ' ',
  );
let serial = 0;

function benchItem(column: number): StreamItem {
  serial += 1;
  const words = Array.from(
    { length: 12 + (serial % 30) },
    (_, i) => WORDS[(serial * 7 + i * 3) % WORDS.length],
  );
  return makeItem({
    id: `c${column}-${serial}`,
    text: `${words.join(' ')} #${serial}`,
    facets: [{ kind: 'hashtag', start: 0, end: 5, value: 'roost' }],
    counts: { replies: serial % 7, reposts: serial % 11, likes: serial % 23, quotes: 0 },
    media:
      serial % 5 === 0
        ? [
            {
              kind: 'image',
              url: `https://media.example/${serial}.png`,
              thumbUrl: null,
              alt: 'a picture',
              width: 400,
              height: 300,
            },
          ]
        : [],
    createdAt: new Date(Date.now() - 1_000).toISOString(),
  });
}

async function start() {
  const main = createStreamsMain();
  const retention = { maxItemsPerColumn: 2_000, maxAgeDays: 30 };
  const realArchive = new URLSearchParams(location.search).get('archive') === 'real';
  const memoryArchive = realArchive ? null : createMemoryArchive(retention);
  const workerArchive = realArchive ? createArchive({ dbName: `bench-archive-${Date.now()}` }) : null;
  if (workerArchive) await workerArchive.setRetention(retention);
  const archive = memoryArchive ?? workerArchive!;
  /** Waits for the archive to finish its queued writes and retention; returns how many items it holds. */
  const archived = async (): Promise<number> => {
    if (!workerArchive) return memoryArchive!.size();
    await workerArchive.whenIdle();
    return (await workerArchive.stats()).liveItems;
  };
  const db = await openRoostDb({ name: `bench-${Date.now()}` });
  const layout = createLayoutRepository(db);
  const ws = await layout.addWorkspace('Bench');
  const sources = Array.from({ length: COLUMNS }, (_, i) => searchSource(`topic${i}`));
  for (const [i, source] of sources.entries()) await layout.addColumn(ws.id, `Column ${i + 1}`, source);
  const keys = sources.map(keyOf);
  const client = createClient(main.transport);
  const services: AppServices = {
    client,
    store: createRoostStore({ locale: 'en', section: 'streams' }),
    settings: createMemorySettingsRepository(),
    i18n: await createI18n('en'),
  };
  createRoot(document.getElementById('root')!).render(
    <AppProviders services={services}>
      <DeckSetupProvider setup={{ layout, archive }}>
        <main className="app-main" data-section="streams">
          <StreamsSection />
        </main>
      </DeckSetupProvider>
    </AppProviders>,
  );
  while (main.subscriptions.size < COLUMNS) await new Promise((r) => setTimeout(r, 20));

  const emit = (column: number, count: number) =>
    main.emitItems(keys[column]!, Array.from({ length: count }, () => benchItem(column)).reverse());

  const longTasks: number[] = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push(e.duration);
  }).observe({ type: 'longtask' });

  const bench = {
    emitted: () => serial,
    /** 2,000 items per column, in contract-sized events, one column per frame. */
    async preload(perColumn: number) {
      for (let c = 0; c < COLUMNS; c += 1) {
        for (let n = 0; n < perColumn; n += 500) emit(c, Math.min(500, perColumn - n));
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      }
    },
    /** `rate` items/s spread over the columns for `ms`, while columns are scrolled; returns frame stats. */
    async live(rate: number, ms: number) {
      longTasks.length = 0;
      const frames: number[] = [];
      let last = performance.now();
      let running = true;
      const onFrame = (t: number) => {
        frames.push(t - last);
        last = t;
        if (running) requestAnimationFrame(onFrame);
      };
      requestAnimationFrame(onFrame);
      let column = 0;
      const tickMs = 50;
      const perTick = (rate * tickMs) / 1_000;
      let owed = 0;
      const feeder = setInterval(() => {
        owed += perTick;
        while (owed >= 1) {
          emit(column, 1);
          column = (column + 1) % COLUMNS;
          owed -= 1;
        }
      }, tickMs);
      const scrollers = () => [...document.querySelectorAll<HTMLElement>('.column__scroller')];
      let step = 0;
      const scroller = setInterval(() => {
        step += 1;
        const list = scrollers();
        const el = list[step % list.length]!;
        // Down for a while, then back to the top, like a reader skimming.
        el.scrollTop = step % 40 < 30 ? el.scrollTop + 400 : 0;
      }, 100);
      await new Promise((r) => setTimeout(r, ms));
      running = false;
      clearInterval(feeder);
      clearInterval(scroller);
      const sorted = frames.slice(5).sort((a, b) => a - b);
      const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
      return {
        frames: sorted.length,
        p50FrameMs: pct(0.5),
        p95FrameMs: pct(0.95),
        p99FrameMs: pct(0.99),
        maxFrameMs: sorted[sorted.length - 1] ?? 0,
        longTasks: longTasks.slice(),
        renderedCards: document.querySelectorAll('[data-item-key]').length,
      };
    },
    /** Pushes `total` items through the columns as fast as frames allow, `perFrame` per column. */
    async flood(total: number, perFrame: number) {
      const target = serial + total;
      while (serial < target) {
        for (let c = 0; c < COLUMNS && serial < target; c += 1) emit(c, Math.min(perFrame, target - serial));
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      }
      // Scroll everything back to the top so held arrivals are let in and trimmed like a reader would.
      for (const el of document.querySelectorAll<HTMLElement>('.column__scroller')) el.scrollTop = 0;
      await new Promise((r) => setTimeout(r, 200));
      return { emitted: serial, archived: await archived() };
    },
  };
  (window as unknown as { __bench: typeof bench }).__bench = bench;
  document.title = 'ready';
}

void start();
