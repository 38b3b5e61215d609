// What a server test file imports to run on both engines: the engine list, databases, and the clean-up of
// the file's PostgreSQL cluster after its last test.
import { afterAll } from 'vitest';
import { stopTestPostgres } from './test-databases.ts';

export * from './test-databases.ts';

/** Stops this file's cluster after its last test. Call once at the top level of a test file. */
export function stopPostgresAfterAll(): void {
  afterAll(stopTestPostgres, 60_000);
}
