// Claims on a work table: several worker processes claiming from one database never claim the same row,
// between them claim every due row, and a lease that ran out (a worker that died) makes its row claimable.
// On PostgreSQL the workers run side by side with `FOR UPDATE SKIP LOCKED`; SQLite serialises them.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { claimNextDue, releaseClaim } from '../../src-server/storage/claims.ts';
import type { SqlEngine } from '../../src-server/storage/sql-engine.ts';
import { databaseFor, openEngineFor, stopPostgresAfterAll, TEAM_ENGINES } from './support/engines.ts';

const run = promisify(execFile);
const WORKER = fileURLToPath(new URL('./support/claim-worker.ts', import.meta.url));
const ROWS = 150;
const WORKERS = 3;
const temp = mkdtempSync(path.join(tmpdir(), 'roost-claims-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
stopPostgresAfterAll();

async function createJobs(db: SqlEngine, due: number): Promise<void> {
  await db.run(`CREATE TABLE jobs (id TEXT PRIMARY KEY NOT NULL, due_at BIGINT NOT NULL,
    claimed_by TEXT, claimed_until BIGINT)`);
  await db.transaction(async (tx) => {
    for (let i = 0; i < ROWS; i++)
      await tx.run('INSERT INTO jobs (id, due_at) VALUES (?, ?)', [`job-${String(i).padStart(4, '0')}`, due]);
  });
}

describe.each(TEAM_ENGINES)('claims (%s)', (engine) => {
  it(`never gives one row to two of ${WORKERS} worker processes`, { timeout: 120_000 }, async () => {
    const storage = { dataDir: path.join(temp, engine), ...(await databaseFor(engine)) };
    const db = await openEngineFor(engine, storage);
    await createJobs(db, Date.now() - 1_000);
    await db.close();
    const where = storage.database ?? path.join(storage.dataDir, 'team.sqlite');
    const outputs = await Promise.all(
      Array.from({ length: WORKERS }, (_, i) =>
        run(process.execPath, ['--disable-warning=ExperimentalWarning', WORKER, engine, where, `w${i}`]),
      ),
    );
    const results = outputs.map(
      ({ stdout }) => JSON.parse(stdout.trim()) as { worker: string; claimed: string[] },
    );
    const all = results.flatMap((result) => result.claimed);
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBe(ROWS);
    console.log(`claims (${engine}): ${results.map((r) => `${r.worker}=${r.claimed.length}`).join(' ')}`);
    const check = await openEngineFor(engine, storage);
    const owners = await check.all('SELECT id, claimed_by FROM jobs ORDER BY id');
    for (const result of results) {
      for (const id of result.claimed)
        expect(owners.find((row) => row['id'] === id)?.['claimed_by']).toBe(result.worker);
    }
    await check.close();
  });

  it('hands out only due rows, takes back expired leases, and lets only the holder release', async () => {
    const storage = { dataDir: path.join(temp, `${engine}-lease`), ...(await databaseFor(engine)) };
    const db = await openEngineFor(engine, storage);
    const now = 1_000_000;
    await db.run(`CREATE TABLE jobs (id TEXT PRIMARY KEY NOT NULL, due_at BIGINT NOT NULL,
      claimed_by TEXT, claimed_until BIGINT)`);
    await db.run('INSERT INTO jobs (id, due_at) VALUES (?, ?), (?, ?)', [
      'a',
      now - 10,
      'later',
      now + 60_000,
    ]);
    const first = await claimNextDue(db, 'jobs', { worker: 'w1', now, leaseMs: 1_000 });
    expect(first).toEqual({ id: 'a', claimedUntil: now + 1_000 });
    expect(await claimNextDue(db, 'jobs', { worker: 'w2', now: now + 500, leaseMs: 1_000 })).toBeNull();
    // w1's lease ran out (it died, say): w2 takes the row over, and w1 can no longer give it back.
    const second = await claimNextDue(db, 'jobs', { worker: 'w2', now: now + 1_000, leaseMs: 1_000 });
    expect(second?.id).toBe('a');
    expect(await releaseClaim(db, 'jobs', { id: 'a', worker: 'w1' })).toBe(false);
    expect(await releaseClaim(db, 'jobs', { id: 'a', worker: 'w2', dueAt: now + 5_000 })).toBe(true);
    expect(await claimNextDue(db, 'jobs', { worker: 'w3', now: now + 2_000, leaseMs: 1_000 })).toBeNull();
    await expect(claimNextDue(db, 'jobs; DROP TABLE jobs', { worker: 'x', now, leaseMs: 1 })).rejects.toThrow(
      /plain table name/,
    );
    await db.close();
  });
});
