// The team server's brand-account key in a real Secret Service (gnome-keyring on a private bus, run inside
// scripts/with-keyring.sh): stored there rather than in a file beside the data, and found again on the next
// start; with no Secret Service on the bus, the 0600 file and its warning.
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ulid } from 'ulid';
import { afterAll, describe, expect, it } from 'vitest';
import { createSecretServiceKeychain } from '../../src-main/vault/secret-service-keychain.ts';
import { BRAND_KEY_FILE, BRAND_KEY_SERVICE, loadBrandKey } from '../../src-server/brand/brand-key.ts';
import { startBareBus } from './support/private-buses.ts';

const keychain = createSecretServiceKeychain();
const dataDir = mkdtempSync(path.join(tmpdir(), 'roost-brand-key-'));
afterAll(async () => {
  await keychain.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('brand-account key in the host keychain', () => {
  it('keeps the key in the Secret Service, not beside the data, and reads the same key next time', async () => {
    const serverId = ulid();
    const warnings: string[] = [];
    const first = await loadBrandKey({ dataDir, serverId, keychain, warn: (m) => warnings.push(m) });
    expect(first.location).toBe('keychain');
    expect(existsSync(path.join(dataDir, BRAND_KEY_FILE))).toBe(false);
    const stored = await keychain.getPassword(BRAND_KEY_SERVICE, serverId);
    expect(stored.state === 'stored' && Buffer.from(stored.value, 'base64').equals(first.key)).toBe(true);
    const second = await loadBrandKey({ dataDir, serverId, keychain, warn: (m) => warnings.push(m) });
    expect(second.key.equals(first.key)).toBe(true);
    expect(warnings).toEqual([]);
    await keychain.deletePassword(BRAND_KEY_SERVICE, serverId);
  });

  it('falls back to the 0600 file, with the warning, on a bus without a Secret Service', async () => {
    const bus = await startBareBus();
    const bare = createSecretServiceKeychain({
      env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: bus.address },
    });
    const other = mkdtempSync(path.join(tmpdir(), 'roost-brand-key-'));
    try {
      const warnings: string[] = [];
      const key = await loadBrandKey({
        dataDir: other,
        serverId: ulid(),
        keychain: bare,
        warn: (m) => warnings.push(m),
      });
      expect(key.location).toBe('file');
      expect(existsSync(path.join(other, BRAND_KEY_FILE))).toBe(true);
      expect(warnings).toHaveLength(1);
    } finally {
      await bare.stop();
      await bus.stop();
      rmSync(other, { recursive: true, force: true });
    }
  });
});
