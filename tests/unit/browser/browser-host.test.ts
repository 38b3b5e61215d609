// The browser-mode host's own defences: loopback only, per-launch token, Origin and Host checks,
// no path traversal, and the CSP header on every page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { startHostFixture, upgradeStatus, type HostFixture } from '../support/host-fixture.ts';

function httpGet(
  port: number,
  path: string,
  host: string,
): Promise<{ status: number; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { Host: host } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('browser-mode host', () => {
  let fixture: HostFixture;
  beforeAll(async () => {
    fixture = await startHostFixture();
  });
  afterAll(() => fixture.stop());

  it('listens on 127.0.0.1 and prints a URL carrying the token in the fragment only', () => {
    expect(fixture.host.url).toBe(`http://127.0.0.1:${fixture.host.port}/#token=${fixture.host.token}`);
    expect(fixture.host.token.length).toBeGreaterThanOrEqual(40);
  });

  it('accepts the right token, Origin and Host', async () => {
    expect(await upgradeStatus(fixture.rpcUrl(), { Origin: fixture.origin })).toBe(101);
  });

  it('refuses a missing or wrong token', async () => {
    const base = `ws://127.0.0.1:${fixture.host.port}/rpc`;
    expect(await upgradeStatus(base, { Origin: fixture.origin })).toBe(403);
    expect(await upgradeStatus(fixture.rpcUrl('wrong'), { Origin: fixture.origin })).toBe(403);
    expect(
      await upgradeStatus(fixture.rpcUrl(fixture.host.token.slice(1) + 'x'), { Origin: fixture.origin }),
    ).toBe(403);
  });

  it('refuses a foreign Origin, including look-alikes', async () => {
    for (const origin of [
      'http://evil.example',
      `http://127.0.0.1.evil.example:${fixture.host.port}`,
      'null',
      `https://127.0.0.1:${fixture.host.port}`,
    ]) {
      expect(await upgradeStatus(fixture.rpcUrl(), { Origin: origin })).toBe(403);
    }
    expect(await upgradeStatus(fixture.rpcUrl(), {})).toBe(403);
  });

  it('refuses a foreign Host (DNS rebinding) for both the socket and the pages', async () => {
    expect(
      await upgradeStatus(fixture.rpcUrl(), {
        Origin: fixture.origin,
        Host: `evil.example:${fixture.host.port}`,
      }),
    ).toBe(403);
    expect((await httpGet(fixture.host.port, '/', `evil.example:${fixture.host.port}`)).status).toBe(421);
  });

  it('serves the renderer with the CSP header and refuses traversal', async () => {
    const page = await httpGet(fixture.host.port, '/', `127.0.0.1:${fixture.host.port}`);
    expect(page.status).toBe(200);
    expect(String(page.headers['content-security-policy'])).toContain("default-src 'none'");
    expect(String(page.headers['content-security-policy'])).toContain(`ws://127.0.0.1:${fixture.host.port}`);
    for (const path of [
      '/../package.json',
      '/%2e%2e/package.json',
      '/..%2fpackage.json',
      '/index.html%00.js',
    ]) {
      expect((await httpGet(fixture.host.port, path, `127.0.0.1:${fixture.host.port}`)).status).toBe(404);
    }
  });
});
