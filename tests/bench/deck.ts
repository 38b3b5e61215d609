// bench:deck — 12 columns × 2,000 items, then 100 new items/s spread over the columns for 60 s while
// columns are scrolled. Reports main-thread long tasks (> 50 ms) and the p95 frame time, measured with
// rAF uncapped (--disable-frame-rate-limit --disable-gpu-vsync). Items go into the real archive (its workers
// and IndexedDB); DECK_ARCHIVE=memory uses the in-memory double instead. Prints one JSON line last.
// BENCH_TRACE=1 also traces the run and adds the main thread's CPU time per task: on a busy 2-core machine a
// task's wall time includes time spent waiting for a core, which the CPU figures leave out.
import { chromium } from 'playwright';
import { chromiumArgs, chromiumPath } from '../support/chromium.ts';
import { buildBenchPage } from './deck-page.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const RATE = Number(process.env.RATE ?? 100);
const TRACE = process.env.BENCH_TRACE === '1';
const ARCHIVE = process.env.DECK_ARCHIVE === 'memory' ? 'memory' : 'real';

interface TraceEvent {
  readonly ph: string;
  readonly name: string;
  readonly pid: number;
  readonly tid: number;
  readonly ts: number;
  readonly dur?: number;
  readonly tdur?: number;
  readonly args?: { readonly name?: string };
}

function mainThreadEvents(events: readonly TraceEvent[]): TraceEvent[] {
  const main = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  return events.filter((e) => e.ph === 'X' && e.tdur !== undefined && main.has(`${e.pid}:${e.tid}`));
}

/** CPU time of every task on the page's main thread (trace `tdur`, in ms). */
function mainThreadTaskCpuMs(main: readonly TraceEvent[]): number[] {
  return main.filter((e) => e.name === 'RunTask').map((e) => e.tdur! / 1_000);
}

/**
 * The main thread's CPU time by what it was doing (script, style, layout, paint, GC…): each trace event's
 * own time, less the events nested in it, summed by name; the top entries, in ms.
 */
function mainThreadCpuByKind(main: readonly TraceEvent[]): Record<string, number> {
  const sorted = [...main].sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const self = new Map<string, number>();
  const stack: { end: number; name: string; own: number }[] = [];
  const close = (until: number) => {
    while (stack.length > 0 && stack[stack.length - 1]!.end <= until) {
      const done = stack.pop()!;
      self.set(done.name, (self.get(done.name) ?? 0) + done.own);
    }
  };
  for (const e of sorted) {
    close(e.ts);
    const parent = stack[stack.length - 1];
    if (parent) parent.own -= e.tdur!;
    stack.push({ end: e.ts + (e.dur ?? 0), name: e.name, own: e.tdur! });
  }
  close(Infinity);
  return Object.fromEntries(
    [...self]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 12)
      .map(([name, us]) => [name, Math.round(us / 1_000)]),
  );
}

const page = await buildBenchPage();
const browser = await chromium.launch({
  executablePath: chromiumPath(),
  args: [...chromiumArgs, '--disable-frame-rate-limit', '--disable-gpu-vsync'],
});
try {
  const tab = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await tab.goto(ARCHIVE === 'real' ? `${page.url}?archive=real` : page.url);
  await tab.waitForFunction(() => document.title === 'ready', null, { timeout: 60_000 });
  await tab.evaluate(() =>
    (window as unknown as { __bench: { preload(n: number): Promise<void> } }).__bench.preload(2_000),
  );
  await tab.waitForTimeout(1_000);
  const cdp = TRACE ? await tab.context().newCDPSession(tab) : null;
  const events: TraceEvent[] = [];
  cdp?.on('Tracing.dataCollected', (data) => events.push(...(data.value as unknown as TraceEvent[])));
  await cdp?.send('Tracing.start', {
    categories: 'toplevel,devtools.timeline,disabled-by-default-devtools.timeline',
  });
  const result = await tab.evaluate(
    ([rate, ms]) =>
      (
        window as unknown as {
          __bench: { live(r: number, m: number): Promise<Record<string, unknown> & { longTasks: number[] }> };
        }
      ).__bench.live(rate!, ms!),
    [RATE, SECONDS * 1_000],
  );
  if (cdp) {
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await complete;
  }
  const main = mainThreadEvents(events);
  const cpu = mainThreadTaskCpuMs(main);
  // What the tasks over 50 ms of CPU were made of: the events inside them, by kind.
  const longRuns = main.filter((e) => e.name === 'RunTask' && e.tdur! > 50_000);
  const inLongTask = main.filter((e) =>
    longRuns.some((t) => e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + (t.dur ?? 0)),
  );
  const longTasks = result.longTasks;
  console.log(
    JSON.stringify({
      bench: 'deck',
      columns: 12,
      preloadedPerColumn: 2_000,
      ratePerSecond: RATE,
      seconds: SECONDS,
      archive:
        ARCHIVE === 'real'
          ? 'real archive workers and IndexedDB'
          : 'in-memory double (tests/browser/streams/support/memory-archive.ts)',
      longTasksOver50ms: longTasks.length,
      longestTaskMs: Math.round(Math.max(0, ...longTasks)),
      p50FrameMs: round(result.p50FrameMs as number),
      p95FrameMs: round(result.p95FrameMs as number),
      p99FrameMs: round(result.p99FrameMs as number),
      maxFrameMs: round(result.maxFrameMs as number),
      frames: result.frames,
      renderedCards: result.renderedCards,
      ...(TRACE && {
        mainThreadCpuMs: Math.round(cpu.reduce((a, b) => a + b, 0)),
        tasksOver50msCpu: cpu.filter((ms) => ms > 50).length,
        longestTaskCpuMs: Math.round(Math.max(0, ...cpu)),
        mainThreadCpuMsByKind: mainThreadCpuByKind(main),
        tasksOver50msCpuByKind: mainThreadCpuByKind(inLongTask),
      }),
    }),
  );
} finally {
  await browser.close();
  await page.close();
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
