// `--private-keyring`: a throwaway Secret Service on its own D-Bus bus, reached through the app's real
// keychain worker; stopping it ends both daemons and removes its folder, so the secret is gone.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startPrivateKeyring } from '../../src-main/browser/private-keyring.ts';
import { createSecretServiceKeychain } from '../../src-main/vault/secret-service-keychain.ts';

describe('private keyring', () => {
  it('stores a secret for this run only, then vanishes with its daemons', async () => {
    const keyring = await startPrivateKeyring();
    const runDir = keyring.env.XDG_RUNTIME_DIR!;
    expect(keyring.env.DBUS_SESSION_BUS_ADDRESS).not.toBe(process.env.DBUS_SESSION_BUS_ADDRESS);
    expect(keyring.env.DISPLAY).toBeUndefined();
    const keychain = createSecretServiceKeychain({ env: keyring.env });
    try {
      expect(await keychain.status()).toMatchObject({ state: 'available' });
      await keychain.setPassword('app.roost.test', 'demo', 'throwaway-secret');
      expect(await keychain.getPassword('app.roost.test', 'demo')).toEqual({
        state: 'stored',
        value: 'throwaway-secret',
      });
    } finally {
      await keychain.stop?.();
      await keyring.stop();
    }
    expect(existsSync(runDir)).toBe(false);

    // A fresh private keyring starts empty: nothing from the previous run survived.
    const next = await startPrivateKeyring();
    const again = createSecretServiceKeychain({ env: next.env });
    try {
      expect(await again.getPassword('app.roost.test', 'demo')).toEqual({ state: 'not_stored' });
    } finally {
      await again.stop?.();
      await next.stop();
    }
  }, 30_000);
});
