// Proves the storage and start-up rules: migrations run once and refuse a newer schema, the audit log refuses
// every update and delete, the device key store keeps the key in the keychain port, and the server listens
// off loopback only with TLS.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateTeamStorage, TeamSchemaTooNewError } from '../../src-server/storage/migrate.ts';
import { TEAM_MIGRATIONS } from '../../src-server/storage/migrations.ts';
import { checkListenAddress, ListenPolicyError } from '../../src-server/listen-policy.ts';
import { startTeamServer } from '../../src-server/team-server.ts';
import { createKeychainDeviceKeyStore, TEAM_KEYCHAIN_SERVICE } from '../../src-main/team/device-key-store.ts';
import type { Keychain, KeychainRead } from '../../src-main/vault/keychain.ts';
import { databaseFor, openEngineFor, stopPostgresAfterAll, TEAM_ENGINES } from './support/engines.ts';

const temp = mkdtempSync(path.join(tmpdir(), 'roost-team-storage-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

stopPostgresAfterAll();

describe.each(TEAM_ENGINES)('team storage (%s)', (engine) => {
  it('migrates once, records the version, and refuses a schema from a newer server', async () => {
    const db = await openEngineFor(engine, { dataDir: path.join(temp, `migrate-${engine}`) });
    expect(await migrateTeamStorage(db)).toBe(TEAM_MIGRATIONS.at(-1)!.version);
    expect(await migrateTeamStorage(db)).toBe(TEAM_MIGRATIONS.at(-1)!.version);
    const roles = await db.all('SELECT name FROM roles ORDER BY rank DESC');
    expect(roles.map((row) => row['name'])).toEqual([
      'owner',
      'admin',
      'lead',
      'expert',
      'limited',
      'viewer',
    ]);
    await db.run("INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'future', 0)");
    await expect(migrateTeamStorage(db)).rejects.toBeInstanceOf(TeamSchemaTooNewError);
    await db.close();
  });

  it('refuses to update or delete audit entries', async () => {
    const storage = { dataDir: path.join(temp, `audit-${engine}`), ...(await databaseFor(engine)) };
    const server = await startTeamServer({ ...storage, port: 0 });
    await server.stop();
    const db = await openEngineFor(engine, storage);
    const before = await db.all('SELECT * FROM audit_log');
    expect(before.length).toBeGreaterThan(0);
    await expect(db.run("UPDATE audit_log SET action = 'nothing happened'")).rejects.toThrow(/append-only/);
    await expect(db.run('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    expect(await db.all('SELECT * FROM audit_log')).toEqual(before);
    await db.close();
    expect(statSync(path.join(storage.dataDir, 'server-key')).mode & 0o777).toBe(0o600);
  });

  it('rolls a failed transaction back without touching the change sequence', async () => {
    const db = await openEngineFor(engine, { dataDir: path.join(temp, `rollback-${engine}`) });
    await migrateTeamStorage(db);
    await expect(
      db.transaction(async (tx) => {
        await tx.run("UPDATE counters SET value = value + 1 WHERE name = 'changes'");
        throw new Error('handler failed');
      }),
    ).rejects.toThrow('handler failed');
    expect(await db.get("SELECT value FROM counters WHERE name = 'changes'")).toEqual({ value: 0 });
    await db.close();
  });

  it('reads BIGINT columns back as numbers and keeps `?` inside quoted text', async () => {
    const db = await openEngineFor(engine, { dataDir: path.join(temp, `types-${engine}`) });
    await migrateTeamStorage(db);
    const row = await db.get("SELECT value, 'why?' AS text, ? AS given FROM counters WHERE name = ?", [
      'x',
      'audit',
    ]);
    expect(row).toEqual({ value: 0, text: 'why?', given: 'x' });
    expect(await db.get('SELECT COUNT(*) AS n FROM roles')).toEqual({ n: 6 });
    await db.close();
  });
});

describe('device key store', () => {
  it('keeps the device key in the keychain and reports a locked keychain as an error, not as "no key"', async () => {
    const entries = new Map<string, string>();
    let locked = false;
    const keychain = {
      getPassword: async (service: string, account: string): Promise<KeychainRead> =>
        locked
          ? { state: 'locked' }
          : entries.has(`${service}/${account}`)
            ? { state: 'stored', value: entries.get(`${service}/${account}`)! }
            : { state: 'not_stored' },
      setPassword: async (service: string, account: string, password: string) => {
        if (locked) return { state: 'locked' as const };
        entries.set(`${service}/${account}`, password);
        return { state: 'ok' as const };
      },
      deletePassword: async (service: string, account: string) => ({
        state: 'ok' as const,
        deleted: entries.delete(`${service}/${account}`),
      }),
    } as unknown as Keychain;
    const store = createKeychainDeviceKeyStore(keychain);
    expect(await store.load('https://team.example')).toBeNull();
    await store.save('https://team.example', { privateKey: 'priv', publicKey: 'pub' });
    expect([...entries.keys()]).toEqual([`${TEAM_KEYCHAIN_SERVICE}/https://team.example`]);
    expect(await store.load('https://team.example')).toEqual({ privateKey: 'priv', publicKey: 'pub' });
    locked = true;
    await expect(store.load('https://team.example')).rejects.toThrow(/locked/);
  });
});

describe('listen policy', () => {
  it('listens off loopback only with TLS, and says why', async () => {
    expect(checkListenAddress('127.0.0.1', undefined)).toBeNull();
    expect(checkListenAddress('::1', undefined)).toBeNull();
    expect(() => checkListenAddress('0.0.0.0', undefined)).toThrow(ListenPolicyError);
    expect(() => checkListenAddress('192.168.1.10', undefined)).toThrow(/--tls-cert and --tls-key/);
    await expect(
      startTeamServer({ dataDir: path.join(temp, 'open'), host: '0.0.0.0', port: 0 }),
    ).rejects.toThrow(ListenPolicyError);
    expect(() =>
      checkListenAddress('0.0.0.0', { certPath: '/nonexistent', keyPath: '/nonexistent' }),
    ).toThrow(/Cannot read the TLS files/);
  });

  it('serves HTTPS with the given certificate', async () => {
    const certPath = path.join(temp, 'cert.pem');
    const keyPath = path.join(temp, 'key.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ed25519',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        keyPath,
        '-out',
        certPath,
      ],
      { stdio: 'ignore' },
    );
    const server = await startTeamServer({
      dataDir: path.join(temp, 'tls'),
      port: 0,
      tls: { certPath, keyPath },
    });
    try {
      expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const { readFileSync } = await import('node:fs');
      const body = await new Promise<string>((resolve, reject) => {
        const req = request(`${server.url}/v1/health`, { ca: readFileSync(certPath) }, (res) => {
          let data = '';
          res.on('data', (chunk: Buffer) => (data += chunk.toString()));
          res.on('end', () => resolve(data));
        });
        req.on('error', reject);
        req.end();
      });
      expect(JSON.parse(body)).toMatchObject({ ok: true, value: { serverId: server.serverId } });
    } finally {
      await server.stop();
    }
  });
});
