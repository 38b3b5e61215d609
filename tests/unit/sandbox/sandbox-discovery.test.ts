// The sandbox discovery file and the service that reads it: a live, loopback, owner-only file is offered;
// a stale, shared, foreign or malformed one is not; the brand's app password reaches only accounts:add's
// sign-in path and never the status the renderer sees. The probe goes to a real loopback HTTP server.
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  readSandboxDiscovery,
  removeSandboxDiscovery,
  sandboxDiscoveryPath,
  writeSandboxDiscovery,
  type SandboxDiscovery,
} from '../../../src-main/sandbox/sandbox-discovery.ts';
import { createSandboxService } from '../../../src-main/sandbox/sandbox-service.ts';
import type { AddBlueskyAccountInput } from '../../../src-main/accounts/accounts-service.ts';
import type { Account } from '../../../src-shared/domain/account.ts';

let dir: string;
let file: string;
let server: Server | null = null;

const discovery = (pdsUrl: string, pid = process.pid): SandboxDiscovery => ({
  version: 1,
  pid,
  pdsUrl,
  brand: { handle: 'brand.test', displayName: 'Roost Demo', appPassword: 'abcd-efgh-ijkl-mnop' },
});

/** A PDS stand-in that answers describeServer, as the sandbox's real PDS does. */
async function startPds(status = 200): Promise<string> {
  server = createServer((req, res) => {
    res.writeHead(req.url === '/xrpc/com.atproto.server.describeServer' ? status : 404, {
      'content-type': 'application/json',
    });
    res.end('{"did":"did:web:localhost","availableUserDomains":[".test"]}');
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return `http://127.0.0.1:${address.port}`;
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'roost-discovery-'));
  file = path.join(dir, 'cache', 'roost', 'sandbox.json');
});
afterEach(async () => {
  if (server) await new Promise((resolve) => server!.close(resolve));
  server = null;
  rmSync(dir, { recursive: true, force: true });
});

describe('sandbox discovery file', () => {
  it('lives in the user cache folder unless ROOST_SANDBOX_DISCOVERY says otherwise', () => {
    expect(sandboxDiscoveryPath({ XDG_CACHE_HOME: '/home/u/.cache' })).toBe(
      '/home/u/.cache/roost/sandbox.json',
    );
    expect(sandboxDiscoveryPath({ XDG_CACHE_HOME: 'relative', HOME: '/x' })).toMatch(
      /\.cache\/roost\/sandbox\.json$/,
    );
    expect(sandboxDiscoveryPath({ ROOST_SANDBOX_DISCOVERY: '/tmp/x.json' })).toBe('/tmp/x.json');
  });

  it('round-trips a live sandbox and is readable by its owner only', async () => {
    writeSandboxDiscovery(file, discovery('http://localhost:2583'));
    expect(readSandboxDiscovery(file)?.brand.handle).toBe('brand.test');
    const { statSync } = await import('node:fs');
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('ignores a file others can read, a dead PID, a non-loopback server and malformed JSON', () => {
    writeSandboxDiscovery(file, discovery('http://localhost:2583'));
    chmodSync(file, 0o644);
    expect(readSandboxDiscovery(file)).toBeNull();

    writeSandboxDiscovery(file, discovery('http://localhost:2583', 2 ** 22 + 12_345));
    expect(readSandboxDiscovery(file)).toBeNull();

    writeSandboxDiscovery(file, discovery('https://bsky.social'));
    expect(readSandboxDiscovery(file)).toBeNull();

    writeFileSync(file, '{"version":1,', { mode: 0o600 });
    expect(readSandboxDiscovery(file)).toBeNull();
    expect(readSandboxDiscovery(path.join(dir, 'missing.json'))).toBeNull();
  });

  it('is removed only by the sandbox that wrote it', () => {
    writeSandboxDiscovery(file, discovery('http://localhost:2583'));
    removeSandboxDiscovery(file, process.pid + 1);
    expect(existsSync(file)).toBe(true);
    removeSandboxDiscovery(file, process.pid);
    expect(existsSync(file)).toBe(false);
  });
});

describe('sandbox service', () => {
  function service() {
    const added: AddBlueskyAccountInput[] = [];
    const created = createSandboxService({
      discoveryFile: file,
      fetch: globalThis.fetch,
      accounts: {
        addBluesky: (input) => {
          added.push(input);
          return Promise.resolve({ id: 'acc-1', handle: 'brand.test' } as Account);
        },
      },
    });
    return { service: created, added };
  }

  it('offers a running sandbox without its password, and adds its brand account from main', async () => {
    const pds = await startPds();
    writeSandboxDiscovery(file, discovery(pds));
    const { service: sandbox, added } = service();
    const status = await sandbox.status();
    expect(status).toEqual({
      available: true,
      service: pds,
      handle: 'brand.test',
      displayName: 'Roost Demo',
    });
    expect(JSON.stringify(status)).not.toContain('abcd-efgh');

    await sandbox.addAccount();
    expect(added).toEqual([{ service: pds, identifier: 'brand.test', appPassword: 'abcd-efgh-ijkl-mnop' }]);
  });

  it('is unavailable when the file is missing or its server does not answer', async () => {
    const { service: sandbox, added } = service();
    expect(await sandbox.status()).toEqual({ available: false });
    await expect(sandbox.addAccount()).rejects.toMatchObject({ code: 'not_found' });

    const pds = await startPds(503);
    writeSandboxDiscovery(file, discovery(pds));
    expect(await sandbox.status()).toEqual({ available: false });
    await new Promise((resolve) => server!.close(resolve));
    server = null;
    expect(await sandbox.status()).toEqual({ available: false });
    expect(added).toEqual([]);
  });
});
