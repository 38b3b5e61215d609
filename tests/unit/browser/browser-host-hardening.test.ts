// The browser-mode host bounds what one machine-local client can make main hold: a cap on open contract
// sockets, and on unanswered requests per socket; its pages may show the local sandbox's loopback images. Services that never finish starting keep every request
// waiting, so the in-flight cap is reached deterministically.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../../src-main/browser/browser-host.ts';
import type { MainServices } from '../../../src-main/app/types.ts';
import { connectWire, upgradeStatus, type WireClient } from '../support/host-fixture.ts';

let host: BrowserHost | undefined;
let dir = '';
const clients: WireClient[] = [];

async function startHost(limits: { maxConnections?: number; maxInFlightPerConnection?: number }) {
  dir = mkdtempSync(path.join(tmpdir(), 'roost-host-limits-'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Roost</title>');
  const neverReady = new Promise<MainServices>(() => undefined);
  host = await startBrowserHost({ services: neverReady, staticDir: dir, ...limits });
  const origin = `http://127.0.0.1:${host.port}`;
  const url = `ws://127.0.0.1:${host.port}/rpc?token=${encodeURIComponent(host.token)}`;
  return { origin, url };
}

afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await host?.stop();
  host = undefined;
  rmSync(dir, { recursive: true, force: true });
});

describe('browser-mode host limits', () => {
  it('refuses a connection beyond the cap with 503, and takes one again when a socket closes', async () => {
    const { origin, url } = await startHost({ maxConnections: 2 });
    clients.push(await connectWire(url, origin), await connectWire(url, origin));
    expect(await upgradeStatus(url, { Origin: origin })).toBe(503);
    const first = clients.shift();
    const closed = new Promise((resolve) => first?.socket.once('close', resolve));
    first?.close();
    await closed;
    // The server sees the close shortly after the client does.
    await expect.poll(() => upgradeStatus(url, { Origin: origin }), { timeout: 2_000 }).toBe(101);
  });

  it('answers rate_limited to a request beyond the in-flight cap without running it', async () => {
    const { origin, url } = await startHost({ maxInFlightPerConnection: 3 });
    const client = await connectWire(url, origin);
    clients.push(client);
    for (let i = 0; i < 4; i++)
      client.sendRaw(JSON.stringify({ kind: 'request', id: 100 + i, method: 'app:ready', input: {} }));
    const refused = await client.nextResult();
    expect(refused).toMatchObject({ id: 103, result: { ok: false, error: { code: 'rate_limited' } } });
  });

  it('serves its pages with loopback images allowed (the sandbox serves avatars on 127.0.0.1)', async () => {
    await startHost({});
    const port = host?.port ?? 0;
    const csp = await new Promise<string>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/' }, (res) => {
        res.resume();
        resolve(String(res.headers['content-security-policy']));
      });
      req.on('error', reject);
      req.end();
    });
    expect(csp).toMatch(/img-src 'self' data: https: http:\/\/127\.0\.0\.1:\* http:\/\/localhost:\*;/);
  });
});
