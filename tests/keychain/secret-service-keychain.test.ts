// The Secret Service keychain against a real gnome-keyring on a private D-Bus session
// (run inside scripts/with-keyring.sh, which provides DBUS_SESSION_BUS_ADDRESS).
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { createSecretServiceKeychain } from '../../src-main/vault/secret-service-keychain.ts';

const run = promisify(execFile);
const keychain = createSecretServiceKeychain();
afterAll(() => keychain.stop());

const freshService = () => `roost-test-${randomUUID()}`;

/** Asks the Secret Service directly, so a silent fallback to another store cannot pass the tests. */
async function secretServiceHas(service: string, account: string): Promise<boolean> {
  const { stdout } = await run('dbus-send', [
    '--session',
    '--print-reply',
    '--dest=org.freedesktop.secrets',
    '/org/freedesktop/secrets',
    'org.freedesktop.Secret.Service.SearchItems',
    `dict:string:string:service,${service},username,${account}`,
  ]);
  return /object path "\/org\/freedesktop\/secrets\/collection\//.test(stdout);
}

describe('Secret Service keychain', () => {
  it('reports the keychain available', async () => {
    expect(await keychain.status()).toEqual({ state: 'available', detail: expect.any(String) });
  });

  it('stores, reads, finds and deletes a password in the Secret Service itself', async () => {
    const service = freshService();
    expect(await keychain.setPassword(service, 'alice', 'app-pass-1')).toEqual({ state: 'ok' });
    expect(await secretServiceHas(service, 'alice')).toBe(true);
    expect(await keychain.getPassword(service, 'alice')).toEqual({ state: 'stored', value: 'app-pass-1' });
    expect(await keychain.findCredentials(service)).toEqual({
      state: 'found',
      credentials: [{ account: 'alice', password: 'app-pass-1' }],
    });
    expect(await keychain.deletePassword(service, 'alice')).toEqual({ state: 'ok', deleted: true });
    expect(await secretServiceHas(service, 'alice')).toBe(false);
    expect(await keychain.getPassword(service, 'alice')).toEqual({ state: 'not_stored' });
    expect(await keychain.findCredentials(service)).toEqual({ state: 'found', credentials: [] });
  });

  it('answers not_stored for an account never written, and found-nothing for an unknown service', async () => {
    const service = freshService();
    expect(await keychain.getPassword(service, 'nobody')).toEqual({ state: 'not_stored' });
    expect(await keychain.findCredentials(service)).toEqual({ state: 'found', credentials: [] });
    expect(await keychain.deletePassword(service, 'nobody')).toEqual({ state: 'ok', deleted: false });
  });

  it('overwrites a password in place and lists the account once', async () => {
    const service = freshService();
    await keychain.setPassword(service, 'bob', 'first');
    await keychain.setPassword(service, 'bob', 'second');
    expect(await keychain.getPassword(service, 'bob')).toEqual({ state: 'stored', value: 'second' });
    expect(await keychain.findCredentials(service)).toEqual({
      state: 'found',
      credentials: [{ account: 'bob', password: 'second' }],
    });
  });

  it('keeps unicode, JSON and long values byte for byte', async () => {
    const service = freshService();
    const values = {
      'émoji-ключ-鍵': '🔑 pässwörd — 密码 🦜‍🔥',
      combining: 'e\u0301 a\u030a \u202eRTL\u202c',
      json: JSON.stringify({ kind: 'oauth', accessToken: 'a"b\\c\n' }),
      long: 'x'.repeat(8_000),
    };
    for (const [account, value] of Object.entries(values)) {
      expect(await keychain.setPassword(service, account, value)).toEqual({ state: 'ok' });
    }
    for (const [account, value] of Object.entries(values)) {
      expect(await keychain.getPassword(service, account)).toEqual({ state: 'stored', value });
    }
    const found = await keychain.findCredentials(service);
    expect(
      found.state === 'found' && Object.fromEntries(found.credentials.map((c) => [c.account, c.password])),
    ).toEqual(values);
  });

  it('serves concurrent calls without losing writes or mixing answers', async () => {
    const service = freshService();
    const accounts = Array.from({ length: 20 }, (_, i) => `acct-${i}`);
    const writes = await Promise.all(
      accounts.map((account) => keychain.setPassword(service, account, `secret-${account}`)),
    );
    expect(writes.every((result) => result.state === 'ok')).toBe(true);
    const reads = await Promise.all(accounts.map((account) => keychain.getPassword(service, account)));
    expect(reads).toEqual(accounts.map((account) => ({ state: 'stored', value: `secret-${account}` })));
    const found = await keychain.findCredentials(service);
    expect(found.state === 'found' && found.credentials.map((c) => c.account).sort()).toEqual(
      [...accounts].sort(),
    );
  });

  it('refuses account names the keychain keeps for itself', async () => {
    await expect(keychain.getPassword(freshService(), '__roost.index')).rejects.toThrow(RangeError);
    await expect(keychain.setPassword('', 'a', 'b')).rejects.toThrow(TypeError);
  });
});
