// A worker process for the claims test: claims rows of `jobs` until none is due, then prints the ids it got
// as one JSON line. Run as: node claim-worker.ts <sqlite|postgres> <file or URL> <worker name>
import { claimNextDue } from '../../../src-server/storage/claims.ts';
import { openPostgresEngine } from '../../../src-server/storage/postgres-engine.ts';
import { openSqliteEngine } from '../../../src-server/storage/sqlite-engine.ts';

const [kind, where, worker] = process.argv.slice(2);
if (!where || !worker) throw new Error('usage: claim-worker.ts <sqlite|postgres> <file or URL> <worker>');
const engine = kind === 'postgres' ? await openPostgresEngine(where) : openSqliteEngine(where);
const claimed: string[] = [];
for (;;) {
  // A long lease: no row may come back to be claimed again during the test.
  const claim = await claimNextDue(engine, 'jobs', { worker, now: Date.now(), leaseMs: 3_600_000 });
  if (!claim) break;
  claimed.push(claim.id);
}
await engine.close();
console.log(JSON.stringify({ worker, claimed }));
