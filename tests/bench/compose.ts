// bench:compose — composer keystroke latency with a 5,000-character draft and 4 accounts selected.
// Builds a page holding the real Compose screen (real Dexie autosave, an in-page stand-in for main),
// types a few hundred characters with Playwright, and measures from each keydown's timestamp to the
// first animation frame after React committed the input. Prints one JSON line last.
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import react from '@vitejs/plugin-react';
import { chromium } from 'playwright';
import { chromiumArgs, chromiumPath } from '../support/chromium.ts';

const KEYSTROKES = Number(process.env.KEYSTROKES ?? 300);
/** Pause between keystrokes: 40 ms is a very fast typist (about 300 words a minute). */
const KEY_GAP_MS = Number(process.env.KEY_GAP_MS ?? 40);
const repo = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'roost-bench-compose-'));

const entry = `
import { createElement } from '${repo}/node_modules/react/index.js';
import { createRoot } from '${repo}/node_modules/react-dom/client.js';
import { AppProviders } from '${repo}/src-renderer/app-context.tsx';
import { createClient } from '${repo}/src-renderer/bridge/client.ts';
import { openRoostDb } from '${repo}/src-renderer/db/roost-db.ts';
import { createMemorySettingsRepository } from '${repo}/src-renderer/db/settings-repository.ts';
import { ComposeScreen } from '${repo}/src-renderer/features/compose/compose-screen.tsx';
import { ComposeServicesProvider } from '${repo}/src-renderer/features/compose/compose-services.tsx';
import { createDraftsRepository } from '${repo}/src-renderer/features/compose/repositories/drafts-repository.ts';
import { createI18n } from '${repo}/src-renderer/i18n/i18n.ts';
import { createRoostStore } from '${repo}/src-renderer/store/store.ts';
import '${repo}/src-renderer/styles/app.css';
import '${repo}/src-renderer/styles/compose.css';

const accounts = [0, 1, 2, 3].map((i) => ({
  id: 'acc-' + i, network: i < 2 ? 'bluesky' : 'mastodon', service: 'https://example.social', remoteId: 'r' + i,
  handle: 'user' + i + '.example', displayName: 'User ' + i, avatarUrl: null, status: 'active', protected: false,
  createdAt: new Date(0).toISOString(),
}));
const answers = {
  'app:ready': { queued: 0 },
  'accounts:list': accounts,
  'schedule:bestTimes': { basis: 'default', slots: [] },
};
const transport = {
  kind: 'memory',
  async request(method, input) {
    if (method === 'streams:capabilities') {
      const masto = input.accountId >= 'acc-2';
      return { ok: true, value: { columnTypes: [], actions: [], search: false, directMessages: false, streaming: false,
        serverSideScheduling: masto, limits: { maxChars: masto ? 500 : 300, urlWeight: masto ? 23 : null,
        countsGraphemes: true, maxMedia: 4, maxImageBytes: 1000000 } } };
    }
    if (method in answers) return { ok: true, value: answers[method] };
    return { ok: false, error: { code: 'internal', message: 'not in the bench' } };
  },
  onEvent: () => () => {}, state: () => 'online', onState: () => () => {}, close: () => {},
};

const words = 'community launch update thanks everyone who joined https://example.com/blog/post-1234 today 🎉 café naïve';
let text = '';
while (text.length < 5000) text += words + ' ';
text = text.slice(0, 5000);

const db = await openRoostDb({ name: 'bench-' + Date.now() });
const drafts = createDraftsRepository(db, { userId: 'bench' });
await drafts.create({ text, accountIds: accounts.map((a) => a.id), cursor: text.length });
const store = createRoostStore({ locale: 'en', section: 'compose' });
store.getState().setAccounts(accounts);
store.getState().setTransport('online');
const services = { client: createClient(transport), store, settings: createMemorySettingsRepository(), i18n: await createI18n('en') };

const latencies = [];
let keydownAt = null;
window.__latencies = latencies;
document.addEventListener('keydown', (e) => { keydownAt = e.timeStamp; }, true);
// Registered on window (after React's root listener), so the frame requested here follows the commit.
window.addEventListener('input', () => {
  const start = keydownAt;
  if (start === null) return;
  keydownAt = null;
  requestAnimationFrame(() => latencies.push(performance.now() - start));
});

// The page lives outside the repository, so it uses createElement rather than JSX (whose runtime
// import would not resolve from here).
createRoot(document.getElementById('root')).render(
  createElement(AppProviders, { services },
    createElement(ComposeServicesProvider, { value: { drafts, userId: 'bench', now: Date.now } },
      createElement(ComposeScreen))),
);
`;

function serve(root: string): Promise<{ url: string; close: () => void }> {
  const types: Record<string, string> = {
    '.html': 'text/html',
    '.js': 'text/javascript',
    '.css': 'text/css',
  };
  const server = createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = path.join(root, rel === '/' ? 'index.html' : rel);
    if (!file.startsWith(root) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ url: `http://127.0.0.1:${port}/`, close: () => server.close() });
    }),
  );
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

let browser: Awaited<ReturnType<typeof chromium.launch>> | null = null;
let server: { url: string; close: () => void } | null = null;
try {
  writeFileSync(
    path.join(dir, 'index.html'),
    '<!doctype html><html><body><div id="root"></div><script type="module" src="./main.js"></script></body></html>',
  );
  writeFileSync(path.join(dir, 'main.js'), entry);
  await build({
    root: dir,
    logLevel: 'warn',
    configFile: false,
    plugins: [react()],
    resolve: { dedupe: ['react', 'react-dom', 'dexie', 'zustand', 'i18next', 'react-i18next'] },
    build: { outDir: path.join(dir, 'dist'), target: 'es2023', minify: true },
  });
  server = await serve(path.join(dir, 'dist'));
  // Without these, headless Chromium locks frames to 60 Hz and every latency rounds up to 16.7 ms steps.
  browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: [...chromiumArgs, '--disable-frame-rate-limit', '--disable-gpu-vsync'],
  });
  const page = await browser.newPage();
  await page.goto(server.url);
  const area = page.getByLabel('Post text');
  await area.waitFor();
  await page.waitForFunction(
    () => (document.getElementById('compose-text') as HTMLTextAreaElement | null)?.value.length === 5000,
  );
  await page.waitForSelector('[data-testid^="count-text-acc-3"]');
  await area.focus();
  await page.evaluate(() => {
    const el = document.getElementById('compose-text') as HTMLTextAreaElement;
    el.setSelectionRange(el.value.length, el.value.length);
  });
  const sample = 'Thanks for coming, see you at https://example.org/next 👋 ';
  for (let i = 0; i < KEYSTROKES; i += 1) {
    const ch = [...sample][i % [...sample].length] ?? 'a';
    await page.keyboard.type(ch);
    if (KEY_GAP_MS > 0) await page.waitForTimeout(KEY_GAP_MS);
    // A pause now and then lets the debounced autosave run between keystrokes, as when someone thinks.
    if (i % 60 === 59) await page.waitForTimeout(400);
  }
  await page.waitForTimeout(100);
  const latencies = (
    await page.evaluate(() => (window as unknown as { __latencies: number[] }).__latencies)
  ).slice();
  latencies.sort((a, b) => a - b);
  const result = {
    bench: 'compose',
    keystrokes: latencies.length,
    draftChars: 5000,
    accounts: 4,
    p95KeystrokeMs: Math.round(percentile(latencies, 95) * 100) / 100,
    medianKeystrokeMs: Math.round(percentile(latencies, 50) * 100) / 100,
    maxKeystrokeMs: Math.round((latencies[latencies.length - 1] ?? NaN) * 100) / 100,
    keyGapMs: KEY_GAP_MS,
    goalMs: 16,
  };
  console.log(JSON.stringify(result));
} finally {
  await browser?.close();
  server?.close();
  rmSync(dir, { recursive: true, force: true });
}
