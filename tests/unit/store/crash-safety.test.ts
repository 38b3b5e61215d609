// Crash safety: a writer process is SIGKILLed at random moments, again and again, on the same database file.
// Afterwards the file must be intact and hold every transaction the writer reported as committed.
import { spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createAccountRepository } from '../../../src-main/accounts/account-repository.ts';
import { openMainStore } from '../../../src-main/store/main-store.ts';
import { makeTempDir } from './helpers.ts';

const writerScript = fileURLToPath(new URL('./fixtures/crash-writer.ts', import.meta.url));
const KILLS = 25;
/** The kill is armed only after this many commits were reported, so every run provably wrote something. */
const MIN_COMMITS_BEFORE_KILL = 3;
const MAX_EXTRA_DELAY_MS = 40;

interface RunResult {
  readonly committed: readonly string[];
  readonly signal: NodeJS.Signals | null;
}

/** Starts the writer, waits for MIN_COMMITS_BEFORE_KILL reported commits, then kills it after a random delay. */
function runAndKill(path: string, tag: string): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--disable-warning=ExperimentalWarning', writerScript, path, tag],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const committed: string[] = [];
    let pending = '';
    let stderr = '';
    let armed = false;
    // Not a timing assertion: only a guard so a writer that never commits fails the test instead of hanging it.
    const guard = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? ''; // a line cut by the kill was not fully reported: ignore it
      committed.push(...lines);
      if (!armed && committed.length >= MIN_COMMITS_BEFORE_KILL) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), randomInt(0, MAX_EXTRA_DELAY_MS + 1));
      }
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      if (!armed) reject(new Error(`writer ${tag} stopped before committing (code ${code}): ${stderr}`));
      else resolve({ committed, signal });
    });
  });
}

describe('crash safety', () => {
  const temp = makeTempDir();
  afterAll(() => temp.remove());

  it(`loses no reported commit and stays intact across ${KILLS} SIGKILLs`, { timeout: 120_000 }, async () => {
    const path = temp.file('crash.sqlite');
    const reported: string[] = [];
    const signals = new Set<string | null>();
    for (let run = 0; run < KILLS; run += 1) {
      const result = await runAndKill(path, `r${run}`);
      reported.push(...result.committed);
      signals.add(result.signal);
    }
    expect([...signals]).toEqual(['SIGKILL']);

    const store = openMainStore({ path });
    try {
      const integrity = store.db.prepare('PRAGMA integrity_check').all();
      expect(integrity).toEqual([{ integrity_check: 'ok' }]);
      expect(store.db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);

      const stored = new Set(
        createAccountRepository(store)
          .list()
          .map((a) => a.id),
      );
      const missing = reported.filter((id) => !stored.has(id));
      expect(missing).toEqual([]);
      // Each transaction wrote an account and its cursor together: a survivor of one without the other
      // would be a torn transaction.
      const torn = store.db
        .prepare(
          `SELECT count(*) AS n FROM accounts a LEFT JOIN poll_cursors c ON c.account_id = a.id
           WHERE c.cursor IS NOT 'cursor-' || a.id`,
        )
        .get();
      expect(torn?.['n']).toBe(0);
      console.info(
        `crash safety: ${KILLS} kills, ${reported.length} commits reported, ${stored.size} rows found ` +
          `(${stored.size - reported.length} committed but killed before reporting)`,
      );
    } finally {
      store.close();
    }
  });
});
