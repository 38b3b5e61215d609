// The team migrations are written once for both engines. Independently of the PostgreSQL engine (whose own
// suites run on both engines), this runs the very same statements on a real, throwaway PostgreSQL 15 through
// psql: the schema must build there, the change counter must hand out numbers with UPDATE … RETURNING, and the
// audit log must refuse updates and deletes.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEAM_MIGRATIONS } from '../../src-server/storage/migrations.ts';
import { SCHEMA_MIGRATIONS_TABLE } from '../../src-server/storage/migrate.ts';
import { startPostgres, type PostgresCluster } from '../sandbox/postgres.ts';

const run = promisify(execFile);
const temp = mkdtempSync(path.join(tmpdir(), 'roost-team-pg-'));

async function psql(url: string, sql: string): Promise<string> {
  const file = path.join(temp, `q${Math.random().toString(36).slice(2)}.sql`);
  writeFileSync(file, sql);
  const { stdout } = await run('psql', [
    '-X',
    '-q',
    '-A',
    '-t',
    '-v',
    'ON_ERROR_STOP=1',
    '-d',
    url,
    '-f',
    file,
  ]);
  return stdout.trim();
}

describe('team migrations on PostgreSQL', () => {
  let cluster: PostgresCluster;
  beforeAll(async () => {
    cluster = await startPostgres();
  }, 60_000);
  afterAll(async () => {
    await cluster?.stop();
    rmSync(temp, { recursive: true, force: true });
  });

  it('builds the same schema from the same statements', async () => {
    const statements = [
      SCHEMA_MIGRATIONS_TABLE,
      ...TEAM_MIGRATIONS.flatMap((m) => [...m.statements, ...(m.engineSpecific?.postgres ?? [])]),
    ];
    await psql(cluster.url, `BEGIN;\n${statements.map((s) => `${s};`).join('\n')}\nCOMMIT;`);
    const tables = await psql(
      cluster.url,
      "SELECT string_agg(table_name, ',' ORDER BY table_name) FROM information_schema.tables WHERE table_schema = 'public';",
    );
    expect(tables.split(',')).toEqual([
      'approval_policies',
      'approval_requests',
      'audit_log',
      'brand_access',
      'brand_accounts',
      'brand_items',
      'brand_posts',
      'challenges',
      'changes',
      'counters',
      'desk_conversations',
      'desk_events',
      'desk_experts',
      'desk_messages',
      'desk_notes',
      'desk_saved_replies',
      'desk_settings',
      'devices',
      'idempotency_keys',
      'invitations',
      'members',
      'notes',
      'roles',
      'schema_migrations',
      'server_info',
      'sessions',
    ]);
  });

  it('numbers changes with UPDATE … RETURNING and keeps the audit log append-only', async () => {
    const numbers = await psql(
      cluster.url,
      "UPDATE counters SET value = value + 1 WHERE name = 'changes' RETURNING value;\n" +
        "UPDATE counters SET value = value + 1 WHERE name = 'changes' RETURNING value;",
    );
    expect(numbers.split('\n')).toEqual(['1', '2']);
    await psql(
      cluster.url,
      `INSERT INTO audit_log (id, at, actor_type, member_id, device_id, action, target, before_json, after_json,
        request_id, client_address, result) VALUES (1, 0, 'system', NULL, NULL, 'test', NULL, NULL, NULL, NULL, NULL, 'ok');`,
    );
    await expect(psql(cluster.url, "UPDATE audit_log SET action = 'x';")).rejects.toThrow(/append-only/);
    await expect(psql(cluster.url, 'DELETE FROM audit_log;')).rejects.toThrow(/append-only/);
    expect(await psql(cluster.url, 'SELECT action FROM audit_log;')).toBe('test');
  });
});
