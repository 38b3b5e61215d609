// Brand-account credentials at rest: the AES-256-GCM envelope refuses a changed byte, another account's row
// and another key; the key lives in the keychain when the host has one (and a locked keychain stops the
// start instead of making a new key), otherwise in a 0600 file beside the data with a warning.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Keychain, KeychainStatus } from '../../src-main/vault/keychain.ts';
import { BRAND_KEY_FILE, BRAND_KEY_SERVICE, loadBrandKey } from '../../src-server/brand/brand-key.ts';
import { createCredentialVault } from '../../src-server/brand/credential-vault.ts';

const credential = { kind: 'bluesky' as const, appPassword: 'abcd-efgh-ijkl-mnop', session: null };

/** The keychain port kept in memory, with a switchable state. */
function memoryKeychain(state: KeychainStatus['state'] = 'available') {
  const entries = new Map<string, string>();
  const keychain = {
    state,
    entries,
    status: async () => ({ state: keychain.state, detail: keychain.state }),
    getPassword: async (service: string, account: string) =>
      keychain.state !== 'available'
        ? { state: 'locked' as const }
        : entries.has(`${service}/${account}`)
          ? { state: 'stored' as const, value: entries.get(`${service}/${account}`)! }
          : { state: 'not_stored' as const },
    setPassword: async (service: string, account: string, password: string) => {
      entries.set(`${service}/${account}`, password);
      return { state: 'ok' as const };
    },
  };
  return keychain as typeof keychain & Keychain;
}

describe('credential vault', () => {
  it('opens what it sealed and refuses a changed envelope, another account and another key', () => {
    const vault = createCredentialVault(randomBytes(32));
    const sealed = vault.seal('account-a', credential);
    expect(sealed).not.toContain(credential.appPassword);
    expect(vault.open('account-a', sealed)).toEqual(credential);
    // Two seals of the same credential differ (fresh nonce), so equal secrets cannot be spotted.
    expect(vault.seal('account-a', credential)).not.toBe(sealed);

    expect(() => vault.open('account-b', sealed)).toThrow();
    const envelope = JSON.parse(sealed) as { data: string };
    const data = Buffer.from(envelope.data, 'base64');
    data[0] = data[0]! ^ 1;
    expect(() =>
      vault.open('account-a', JSON.stringify({ ...envelope, data: data.toString('base64') })),
    ).toThrow();
    expect(() => createCredentialVault(randomBytes(32)).open('account-a', sealed)).toThrow();
    expect(() => createCredentialVault(randomBytes(16))).toThrow(/32 bytes/);
  });
});

describe('brand credential key', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'roost-brand-key-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps the key in the keychain when there is one, and finds the same key on the next start', async () => {
    const keychain = memoryKeychain();
    const warnings: string[] = [];
    const first = await loadBrandKey({ dataDir, serverId: 'S1', keychain, warn: (m) => warnings.push(m) });
    expect(first.location).toBe('keychain');
    expect([...keychain.entries.keys()]).toEqual([`${BRAND_KEY_SERVICE}/S1`]);
    const second = await loadBrandKey({ dataDir, serverId: 'S1', keychain, warn: (m) => warnings.push(m) });
    expect(second.key.equals(first.key)).toBe(true);
    expect(warnings).toEqual([]);
    expect(() => statSync(path.join(dataDir, BRAND_KEY_FILE))).toThrow();
  });

  it('refuses to start with a locked keychain rather than make a key that strands the stored credentials', async () => {
    const keychain = memoryKeychain('locked');
    await expect(loadBrandKey({ dataDir, serverId: 'S1', keychain, warn: () => undefined })).rejects.toThrow(
      /locked/,
    );
  });

  it('falls back to a 0600 file beside the data, with a clear warning, and keeps using it', async () => {
    const warnings: string[] = [];
    const first = await loadBrandKey({
      dataDir,
      serverId: 'S1',
      keychain: null,
      warn: (m) => warnings.push(m),
    });
    const file = path.join(dataDir, BRAND_KEY_FILE);
    expect(first.location).toBe('file');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(file, 'utf8'), 'base64').equals(first.key)).toBe(true);
    expect(warnings[0]).toMatch(/WARNING: no keychain on this host.*0600/);
    // A keychain that appears later does not move the key: the file stays authoritative.
    const later = await loadBrandKey({
      dataDir,
      serverId: 'S1',
      keychain: memoryKeychain(),
      warn: () => undefined,
    });
    expect(later.location).toBe('file');
    expect(later.key.equals(first.key)).toBe(true);
  });
});
