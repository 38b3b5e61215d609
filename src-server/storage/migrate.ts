// Applies the team migrations in order, each in one transaction, recorded in schema_migrations (a table
// rather than SQLite's PRAGMA user_version, which PostgreSQL does not have).
import { TEAM_MIGRATIONS, type TeamMigration } from './migrations.ts';
import type { SqlEngine } from './sql-engine.ts';

export const SCHEMA_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version BIGINT PRIMARY KEY NOT NULL,
  name TEXT NOT NULL,
  applied_at BIGINT NOT NULL
)`;

export class TeamSchemaTooNewError extends Error {
  constructor(found: number, known: number) {
    super(
      `The team database is at schema version ${found}; this server knows up to ${known}. Update the server.`,
    );
    this.name = 'TeamSchemaTooNewError';
  }
}

export async function migrateTeamStorage(
  engine: SqlEngine,
  migrations: readonly TeamMigration[] = TEAM_MIGRATIONS,
): Promise<number> {
  // Versions only increase; a gap is allowed because migrations are written on parallel branches (each
  // takes its number up front) and a branch may reach main before the one holding the number below it.
  migrations.forEach((migration, index) => {
    if (migration.version <= (migrations[index - 1]?.version ?? 0))
      throw new Error(`Team migration ${migration.name} is out of order`);
  });
  await engine.run(SCHEMA_MIGRATIONS_TABLE);
  for (const migration of migrations) {
    await engine.transaction(async (tx) => {
      // Checked under the write lock: another server process may have migrated since we looked.
      if (await tx.get('SELECT version FROM schema_migrations WHERE version = ?', [migration.version]))
        return;
      for (const sql of [...migration.statements, ...(migration.engineSpecific?.[engine.kind] ?? [])]) {
        await tx.run(sql);
      }
      await tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
        migration.version,
        migration.name,
        Date.now(),
      ]);
    });
  }
  const row = await engine.get('SELECT MAX(version) AS version FROM schema_migrations');
  const version = Number(row?.['version'] ?? 0);
  const known = migrations.at(-1)?.version ?? 0;
  if (version > known) throw new TeamSchemaTooNewError(version, known);
  return version;
}
