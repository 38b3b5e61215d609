// The Inbox's queue with 10,000 open conversations, in browser mode and real Chromium: the embedded desk is
// seeded through its own service (support/desk-seed.ts) before main starts, then each view's list is walked
// with j held down (key repeat, ~30 a second) and scrolled with the mouse wheel. Long tasks (≥ 50 ms, the
// browser's own 'longtask' entries) are counted only while walking or scrolling; loading the list is not.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright';
import { chromiumArgs, chromiumPath } from '../support/chromium.ts';
import { startBrowserMode } from '../e2e/support/browser-mode.ts';
import { seedDesk } from './support/desk-seed.ts';

const OPEN = Number(process.env.DESK_BENCH_OPEN ?? 10_000);
/** How long each gesture lasts per view. */
const GESTURE_MS = Number(process.env.DESK_BENCH_GESTURE_MS ?? 8_000);
const KEY_REPEAT_MS = 33;
const WHEEL_EVERY_MS = 16;

export interface QueueFigures {
  readonly open: number;
  readonly views: Record<string, { rows: number; keyLongTasks: number[]; wheelLongTasks: number[] }>;
}

declare global {
  interface Window {
    __longTasks?: { start: number; duration: number }[];
  }
}

async function longTasksDuring(page: Page, gesture: () => Promise<void>): Promise<number[]> {
  const from = await page.evaluate(() => performance.now());
  await gesture();
  // A task still running when the gesture stops is reported once it ends.
  await page.waitForTimeout(300);
  return page.evaluate(
    (start) => (window.__longTasks ?? []).filter((t) => t.start >= start).map((t) => Math.round(t.duration)),
    from,
  );
}

async function holdJ(page: Page): Promise<void> {
  const until = Date.now() + GESTURE_MS;
  // Pressing a key that is already down is what a held key sends: repeated keydowns, one keyup at the end.
  while (Date.now() < until) {
    await page.keyboard.down('j');
    await page.waitForTimeout(KEY_REPEAT_MS);
  }
  await page.keyboard.up('j');
}

async function wheel(page: Page): Promise<void> {
  const box = await page.getByRole('listbox', { name: 'Conversations' }).boundingBox();
  if (!box) throw new Error('no conversation list on screen');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const until = Date.now() + GESTURE_MS;
  let down = true;
  let scrolled = 0;
  while (Date.now() < until) {
    await page.mouse.wheel(0, down ? 240 : -240);
    scrolled += 1;
    // Down most of the way, then back up, so both directions render rows not seen before.
    if (scrolled % 150 === 0) down = !down;
    await page.waitForTimeout(WHEEL_EVERY_MS);
  }
}

async function openView(page: Page, name: 'Mine' | 'Unassigned', expected: number): Promise<number> {
  const rows = page.getByTestId('inbox-row');
  const before = (await rows.count()) > 0 ? await rows.first().textContent() : null;
  await page
    .getByRole('navigation', { name: /views/i })
    .getByRole('button', { name: new RegExp(`^${name} \\(`) })
    .click();
  // The previous view's rows stay until main answers for this one (seconds with 10,000 conversations).
  await page.waitForFunction(
    ([first, n]) => {
      const row = document.querySelector('[data-testid="inbox-row"]');
      const list = document.querySelector('[role="listbox"] > div');
      return (
        row !== null && row.textContent !== first && (list?.getBoundingClientRect().height ?? 0) >= n * 70
      );
    },
    [before, expected] as const,
    { timeout: 120_000 },
  );
  await page.waitForTimeout(1_000);
  return page.evaluate(() => (document.querySelector('[role="listbox"] > div') as HTMLElement).offsetHeight);
}

export async function benchDeskQueue(): Promise<QueueFigures> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'roost-bench-desk-'));
  const seeded = seedDesk(dataDir, OPEN);
  const app = await startBrowserMode({}, { dataDir });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.addInitScript(() => {
      window.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries())
          window.__longTasks!.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(app.url);
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('button', { name: 'Inbox', exact: true })
      .click();
    const views: QueueFigures['views'] = {};
    for (const [name, expected] of [
      ['Mine', seeded.mine],
      ['Unassigned', seeded.unassigned],
    ] as const) {
      const height = await openView(page, name, Math.min(expected, 5_000)).catch(async (e: unknown) => {
        await page.screenshot({ path: '/tmp/desk-bench-fail.png' });
        throw e;
      });
      await page.getByTestId('inbox-row').first().click();
      const keyLongTasks = await longTasksDuring(page, () => holdJ(page));
      const wheelLongTasks = await longTasksDuring(page, () => wheel(page));
      views[name.toLowerCase()] = { rows: Math.round(height / 76), keyLongTasks, wheelLongTasks };
    }
    return { open: seeded.mine + seeded.unassigned, views };
  } finally {
    await browser.close();
    await app.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
