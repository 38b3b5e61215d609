// The storage engines the server suites run on: embedded SQLite, and a real PostgreSQL 15 cluster started
// for the test file (tests/sandbox/postgres.ts) with a fresh database for every server the file starts.
// `describe.each(TEAM_ENGINES)` runs one suite on both; the cluster starts only when a PostgreSQL case runs.
// No vitest import here: the fixture (and through it bench:team) runs outside vitest too.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { startPostgres, type PostgresCluster } from '../../sandbox/postgres.ts';
import { openPostgresEngine } from '../../../src-server/storage/postgres-engine.ts';
import type { SqlEngine } from '../../../src-server/storage/sql-engine.ts';
import { openSqliteEngine } from '../../../src-server/storage/sqlite-engine.ts';

export type EngineName = 'sqlite' | 'postgres';
export const TEAM_ENGINES: readonly EngineName[] = ['sqlite', 'postgres'];

let cluster: Promise<PostgresCluster> | null = null;
let databases = 0;

/** Stops this process's cluster, if one was started. */
export async function stopTestPostgres(): Promise<void> {
  const started = cluster;
  cluster = null;
  if (started) await (await started).stop();
}

/** The URL of a new, empty database in this file's cluster (started on first use). */
export async function freshDatabase(): Promise<string> {
  cluster ??= startPostgres();
  const { url } = await cluster;
  databases += 1;
  const name = `team_${process.pid}_${databases}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return url.replace(/\/[^/]*$/, `/${name}`);
}

/** Where a server on `engine` keeps its data: nothing extra for SQLite, a fresh database for PostgreSQL. */
export async function databaseFor(engine: EngineName): Promise<{ database?: string }> {
  return engine === 'postgres' ? { database: await freshDatabase() } : {};
}

/** One query against the database a server used, whichever the engine (for checks after it stopped). */
export async function queryDatabase(
  where: { dataDir: string; database?: string },
  sql: string,
): Promise<Record<string, unknown>[]> {
  if (where.database) {
    const client = new pg.Client({ connectionString: where.database });
    await client.connect();
    try {
      return (await client.query(sql)).rows as Record<string, unknown>[];
    } finally {
      await client.end();
    }
  }
  const db = new DatabaseSync(join(where.dataDir, 'team.sqlite'), { readOnly: true });
  try {
    return db.prepare(sql).all() as Record<string, unknown>[];
  } finally {
    db.close();
  }
}

/** Opens a storage engine directly: a SQLite file in `dataDir`, or the given (or a fresh) PostgreSQL database. */
export async function openEngineFor(
  engine: EngineName,
  where: { dataDir: string; database?: string },
): Promise<SqlEngine> {
  if (engine === 'sqlite') {
    mkdirSync(where.dataDir, { recursive: true });
    return openSqliteEngine(join(where.dataDir, 'team.sqlite'));
  }
  return openPostgresEngine(where.database ?? (await freshDatabase()));
}
