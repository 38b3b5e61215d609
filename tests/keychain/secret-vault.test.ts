// Roost's credential vault on the real Secret Service (run inside scripts/with-keyring.sh).
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createSecretServiceKeychain } from '../../src-main/vault/secret-service-keychain.ts';
import { createSecretVault } from '../../src-main/vault/secret-vault.ts';
import type { VaultCredential } from '../../src-main/vault/secret-vault.ts';

const keychain = createSecretServiceKeychain();
afterAll(() => keychain.stop());

describe('secret vault', () => {
  it('writes, reads, lists and removes credentials of both kinds', async () => {
    const service = `roost-vault-test-${randomUUID()}`;
    const vault = createSecretVault(keychain, service);
    const bluesky: VaultCredential = {
      kind: 'app-password',
      identifier: 'alice.test',
      secret: 'abcd-efgh-ijkl-mnop',
      session: { accessJwt: 'access.jwt', refreshJwt: 'refresh.jwt' },
    };
    const mastodon: VaultCredential = {
      kind: 'oauth',
      accessToken: 'tok-é🔑',
      scope: 'read write',
      expiresAt: '2030-01-01T00:00:00Z',
    };
    expect(await vault.write('acc-1', bluesky)).toEqual({ state: 'ok' });
    expect(await vault.write('acc-2', mastodon)).toEqual({ state: 'ok' });
    expect(await vault.read('acc-1')).toEqual({ state: 'stored', credential: bluesky });
    expect(await vault.read('acc-2')).toEqual({ state: 'stored', credential: mastodon });
    expect(await keychain.getPassword(service, 'account:acc-2')).toEqual({
      state: 'stored',
      value: JSON.stringify(mastodon),
    });
    const listed = await vault.list();
    expect(listed.state === 'found' && [...listed.accountIds].sort()).toEqual(['acc-1', 'acc-2']);

    expect(await vault.remove('acc-1')).toEqual({ state: 'ok', deleted: true });
    expect(await vault.read('acc-1')).toEqual({ state: 'not_stored' });
    expect(await vault.list()).toEqual({ state: 'found', accountIds: ['acc-2'] });
  });

  it('reports a stored value it cannot understand as invalid, without echoing it', async () => {
    const service = `roost-vault-test-${randomUUID()}`;
    const vault = createSecretVault(keychain, service);
    await keychain.setPassword(service, 'account:legacy', 'plain-old-token');
    await keychain.setPassword(service, 'account:odd', JSON.stringify({ kind: 'oauth' }));
    expect(await vault.read('legacy')).toEqual({ state: 'invalid' });
    expect(await vault.read('odd')).toEqual({ state: 'invalid' });
  });

  it('rejects an invalid credential before it reaches the keychain, naming fields but not values', async () => {
    const service = `roost-vault-test-${randomUUID()}`;
    const vault = createSecretVault(keychain, service);
    const bad = { kind: 'app-password', identifier: '', secret: 'do-not-print-me' } as VaultCredential;
    const error: unknown = await vault.write('acc', bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(String(error)).toContain('identifier');
    expect(String(error)).not.toContain('do-not-print-me');
    expect(await vault.read('acc')).toEqual({ state: 'not_stored' });
  });

  it('reports the keychain status', async () => {
    expect(await createSecretVault(keychain).status()).toMatchObject({ state: 'available' });
  });
});
