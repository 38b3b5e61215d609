// The app's team device-key store on main's credential store: the key is kept as one keychain entry per team
// server and per Roost profile (two profiles on one computer are two devices), the profile id is made once
// per data folder and only when a key is used, and an entry that is not a key reads as none.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CredentialStore, StoredCredential } from '../../../src-main/vault/credential-store.ts';
import {
  createCredentialDeviceKeyStore,
  deviceKeyCredentialId,
  profileIdIn,
} from '../../../src-main/team/credential-device-key-store.ts';

const temp = mkdtempSync(path.join(tmpdir(), 'roost-device-key-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function memoryCredentials(): CredentialStore & { entries: Map<string, StoredCredential> } {
  const entries = new Map<string, StoredCredential>();
  return {
    entries,
    assertWritable: async () => undefined,
    save: async (id, credential) => void entries.set(id, credential),
    load: async (id) => entries.get(id) ?? null,
    delete: async (id) => void entries.delete(id),
    status: async () => ({ state: 'available', detail: 'memory' }),
  };
}

const key = { privateKey: 'cHJpdmF0ZQ', publicKey: 'cHVibGlj' };
const server = 'http://127.0.0.1:7420';

describe('credential device-key store', () => {
  it('keeps one entry per server and profile, and removes it', async () => {
    const credentials = memoryCredentials();
    const first = createCredentialDeviceKeyStore(credentials, () => 'aaaaaaaaaaaaaaaa');
    const second = createCredentialDeviceKeyStore(credentials, () => 'bbbbbbbbbbbbbbbb');
    await first.save(server, key);
    expect(await first.load(server)).toEqual(key);
    expect(await second.load(server)).toBeNull();
    expect([...credentials.entries.keys()]).toEqual([deviceKeyCredentialId('aaaaaaaaaaaaaaaa', server)]);
    expect(credentials.entries.get(deviceKeyCredentialId('aaaaaaaaaaaaaaaa', server))?.kind).toBe('api-key');
    await first.remove(server);
    expect(await first.load(server)).toBeNull();
  });

  it('reads a damaged entry as no key', async () => {
    const credentials = memoryCredentials();
    const store = createCredentialDeviceKeyStore(credentials, () => 'cccccccccccccccc');
    credentials.entries.set(deviceKeyCredentialId('cccccccccccccccc', server), {
      kind: 'api-key',
      secret: '{',
    });
    expect(await store.load(server)).toBeNull();
  });

  it('makes the profile id once per data folder, and only when asked', () => {
    const dir = path.join(temp, 'team');
    expect(existsSync(dir)).toBe(false);
    const id = profileIdIn(dir);
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(profileIdIn(dir)).toBe(id);
    expect(profileIdIn(path.join(temp, 'other'))).not.toBe(id);
  });
});
