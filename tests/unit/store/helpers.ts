// Shared helpers for the store tests: throwaway database folders, a settable clock and sample accounts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TempDir {
  readonly dir: string;
  file(name: string): string;
  remove(): void;
}

export function makeTempDir(): TempDir {
  const dir = mkdtempSync(join(tmpdir(), 'roost-store-'));
  return {
    dir,
    file: (name) => join(dir, name),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A clock that only moves when told to, so created_at ordering is under the test's control. */
export function makeClock(start = Date.parse('2025-01-01T00:00:00.000Z')): {
  now: () => Date;
  advance(ms: number): void;
} {
  let current = start;
  return { now: () => new Date(current), advance: (ms) => void (current += ms) };
}

/** Store tests insert accounts without createdAt: the shared builder. */
export { newAccountFixture as sampleAccount } from '../../support/builders/accounts.ts';
