// One click on the welcome screen, end to end in main: a discovery file naming a real account of the local
// Bluesky network lets main's router offer it (no password in the answer) and add it, signing in to the
// real PDS and storing the app password in the credential store only.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { startMainServices } from '../../src-main/app/main-services.ts';
import { writeSandboxDiscovery } from '../../src-main/sandbox/sandbox-discovery.ts';
import { SandboxClient } from '../support/sandbox-client.ts';
import { createMemoryCredentials } from '../unit/support/memory-credentials.ts';

const info = inject('sandbox');
const sandbox = new SandboxClient(info);
const dir = mkdtempSync(path.join(tmpdir(), 'roost-sandbox-discovery-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sandbox discovery against the local network', () => {
  it('offers the running sandbox and adds its brand account with the password kept in main', async () => {
    const brand = await sandbox.createAccount({ handlePrefix: 'disc', displayName: 'Discovery Brand' });
    const discoveryFile = path.join(dir, 'sandbox.json');
    writeSandboxDiscovery(discoveryFile, {
      version: 1,
      pid: process.pid,
      pdsUrl: info.pdsUrl,
      brand: { handle: brand.handle, displayName: brand.displayName, appPassword: brand.appPassword },
    });
    const credentials = createMemoryCredentials();
    const services = await startMainServices(
      { dataDir: path.join(dir, 'data'), mode: 'browser', version: '0.0.0-test' },
      { credentials, sandboxDiscoveryFile: discoveryFile },
    );
    try {
      const ctx = { transport: 'browser', actor: { kind: 'local-user' } } as const;
      const status = await services.router.dispatch('sandbox:status', {}, ctx);
      expect(status).toEqual({
        ok: true,
        value: {
          available: true,
          service: new URL(info.pdsUrl).origin,
          handle: brand.handle,
          displayName: 'Discovery Brand',
        },
      });
      const added = await services.router.dispatch('sandbox:addAccount', {}, ctx);
      expect(added).toMatchObject({ ok: true, value: { handle: brand.handle, network: 'bluesky' } });
      expect(JSON.stringify([status, added])).not.toContain(brand.appPassword);
      const id = (added as { value: { id: string } }).value.id;
      expect(credentials.entries.get(id)).toMatchObject({ kind: 'app-password', secret: brand.appPassword });
    } finally {
      await services.stop();
    }
  });
});
