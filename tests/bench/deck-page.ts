// Builds the deck benchmark page (tests/browser/streams/support/bench-page.tsx) with Vite's JS API into a
// temp folder and serves it on 127.0.0.1. Shared by bench:deck, bench:soak and bench:analytics.
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { build } from 'vite';

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

export async function buildBenchPage(
  minify = true,
  /** The page's entry, relative to this file; bench:analytics builds its own page the same way. */
  entryFile = '../browser/streams/support/bench-page.tsx',
): Promise<{ url: string; close(): Promise<void> }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'roost-deck-bench-'));
  const entry = fileURLToPath(new URL(entryFile, import.meta.url));
  writeFileSync(
    path.join(dir, 'entry.ts'),
    `import ${JSON.stringify(path.relative(dir, entry).split(path.sep).join('/'))};\n`,
  );
  writeFileSync(
    path.join(dir, 'index.html'),
    '<!doctype html><html><head><meta charset="utf-8"><title>loading</title></head><body><div id="root"></div><script type="module" src="./entry.ts"></script></body></html>',
  );
  await build({
    root: dir,
    configFile: false,
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir: path.join(dir, 'dist'), emptyOutDir: true, target: 'chrome140', minify },
    worker: { format: 'es' },
  });
  const out = path.join(dir, 'dist');
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const file = path.join(out, url.pathname === '/' ? 'index.html' : path.normalize(url.pathname));
    if (!file.startsWith(out)) return void res.writeHead(403).end();
    try {
      const body = readFileSync(file);
      res
        .writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' })
        .end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
