// bench:startup — cold time from launching browser mode to the first painted frame in Chromium.
// Chromium is started first (its own launch is not Roost's start-up), then the clock starts when the
// browser-mode process is spawned and stops at the page's first-contentful-paint. Prints one JSON line.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright';
import { chromiumArgs, chromiumPath } from '../support/chromium.ts';

const RUNS = Number(process.env.RUNS ?? 5);

async function once(): Promise<{ firstPaintMs: number; appDrawnMs: number; serverReadyMs: number }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'roost-bench-'));
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  const page = await browser.newPage();
  const spawnedAt = Date.now();
  const child = spawn(
    process.execPath,
    ['--disable-warning=ExperimentalWarning', 'src-main/browser/browser-mode.ts', '--data-dir', dataDir],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const line = out.split('\n').find((l) => l.startsWith('ROOST_BROWSER_MODE '));
        if (line) resolve((JSON.parse(line.slice(19)) as { url: string }).url);
      });
      child.once('exit', () => reject(new Error(out)));
    });
    const serverReadyMs = Date.now() - spawnedAt;
    await page.goto(url);
    const paintAt = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const find = (): number | undefined =>
            performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
          const found = find();
          if (found !== undefined) return resolve(performance.timeOrigin + found);
          new PerformanceObserver(() => {
            const later = find();
            if (later !== undefined) resolve(performance.timeOrigin + later);
          }).observe({ type: 'paint', buffered: true });
        }),
    );
    // The app's own first render (the splash replaced by the shell), which needs the scripts and IndexedDB.
    await page.waitForFunction(() => document.querySelector('#root > .boot-splash') === null);
    const appDrawnAt = await page.evaluate(() => Date.now());
    return {
      firstPaintMs: Math.round(paintAt - spawnedAt),
      appDrawnMs: appDrawnAt - spawnedAt,
      serverReadyMs,
    };
  } finally {
    child.kill('SIGTERM');
    await browser.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function bundleGzipBytes(): number {
  const dir = 'dist/renderer/assets';
  return readdirSync(dir)
    .filter((file) => file.endsWith('.js') || file.endsWith('.css'))
    .reduce((sum, file) => sum + gzipSync(readFileSync(path.join(dir, file))).length, 0);
}

const runs = [];
for (let i = 0; i < RUNS; i++) runs.push(await once());
const paints = runs.map((r) => r.firstPaintMs).sort((a, b) => a - b);
const result = {
  bench: 'startup',
  runs: RUNS,
  firstPaintMs: paints[Math.floor(paints.length / 2)],
  firstPaintMsMax: paints[paints.length - 1],
  appDrawnMsMedian: runs.map((r) => r.appDrawnMs).sort((a, b) => a - b)[Math.floor(RUNS / 2)],
  serverReadyMsMedian: runs.map((r) => r.serverReadyMs).sort((a, b) => a - b)[Math.floor(RUNS / 2)],
  rendererGzipKB: Math.round(bundleGzipBytes() / 102.4) / 10,
  rendererBuiltAt: statSync('dist/renderer/index.html').mtime.toISOString(),
};
console.log(JSON.stringify(result));
