// Runs the archive bench page in Debian's Chromium: builds it with Vite into a temp folder, serves it on
// 127.0.0.1, and opens it in a persistent on-disk profile (the default context keeps IndexedDB in memory).
import { createReadStream } from 'node:fs';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright';
import { build } from 'vite';
import { chromiumArgs, chromiumPath } from '../../support/chromium.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

export interface BenchBrowser {
  readonly page: Page;
  close(): Promise<void>;
}

export function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

export async function startBenchBrowser(): Promise<BenchBrowser> {
  const work = mkdtempSync(path.join(tmpdir(), 'roost-archive-bench-'));
  const outDir = path.join(work, 'dist');
  log('building the bench page…');
  await build({
    configFile: false,
    root: here,
    base: './',
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      target: 'chrome140',
      rollupOptions: { input: path.join(here, 'bench-page.html') },
    },
    worker: { format: 'es' },
  });
  const server = await serve(outDir);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  let context: BrowserContext | null = null;
  try {
    context = await chromium.launchPersistentContext(path.join(work, 'profile'), {
      executablePath: chromiumPath(),
      args: [...chromiumArgs, '--enable-precise-memory-info'],
      headless: true,
      env: {
        ...process.env,
        XDG_CONFIG_HOME: path.join(work, 'xdg-config'),
        XDG_CACHE_HOME: path.join(work, 'xdg-cache'),
      },
    });
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (message) => log(`  page: ${message.text()}`));
    page.on('pageerror', (error) => log(`  page error: ${error.message}`));
    await page.goto(`http://127.0.0.1:${port}/bench-page.html`);
    await page.waitForFunction(() => document.title === 'ready');
    const opened = context;
    return {
      page,
      async close() {
        await opened.close();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        rmSync(work, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await context?.close();
    server.close();
    rmSync(work, { recursive: true, force: true });
    throw error;
  }
}

function serve(root: string): Promise<Server> {
  const server = createServer((request, response) => {
    const name = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    const file = path.join(root, path.normalize(name));
    if (!file.startsWith(root) || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}
