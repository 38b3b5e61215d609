// Schema migrations over real IndexedDB: seed the database at an old version, reopen at the latest.
import { afterEach, describe, expect, test } from 'vitest';
import { openRoostDb, type RoostDb } from '../../../src-renderer/db/roost-db.ts';
import { LATEST_VERSION, SCHEMA_VERSIONS } from '../../../src-renderer/db/schema.ts';

let db: RoostDb | null = null;
// Each test uses a fresh database name; the browser profile is in memory and discarded after the run.
// (Deleting right after close races Chromium's commit and only adds "blocked" warnings.)
afterEach(() => {
  db?.close();
  db = null;
});

describe('schema versions', () => {
  test('are declared in increasing order, each with a reason', () => {
    const versions = SCHEMA_VERSIONS.map((v) => v.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    for (const v of SCHEMA_VERSIONS) expect(v.why.length).toBeGreaterThan(20);
    expect(LATEST_VERSION).toBe(versions.at(-1));
  });

  test('v1 → v2 keeps settings and drafts and indexes drafts by updatedAt', async () => {
    const name = `migrate-${crypto.randomUUID()}`;
    db = await openRoostDb({ name, upToVersion: 1 });
    expect(db.verno).toBe(1);
    await db.settings.put({ key: 'theme', value: 'dark' });
    // v1 drafts: one with updatedAt, one written before updatedAt was required.
    await db.table('drafts').bulkPut([
      { id: 'd1', accountId: 'a', text: 'first', updatedAt: '2025-01-02T00:00:00.000Z' },
      { id: 'd2', accountId: 'a', text: 'older', createdAt: '2025-01-01T00:00:00.000Z' },
    ]);
    db.close();

    db = await openRoostDb({ name, upToVersion: 2 });
    expect(db.verno).toBe(2);
    expect(await db.settings.get('theme')).toEqual({ key: 'theme', value: 'dark' });
    const byRecency = await db.drafts.orderBy('updatedAt').reverse().primaryKeys();
    expect(byRecency).toEqual(['d1', 'd2']);
    expect((await db.drafts.get('d2'))?.updatedAt).toBe('2025-01-01T00:00:00.000Z');
    expect(await db.drafts.where('updatedAt').above('2025-01-01T12:00:00.000Z').count()).toBe(1);
  });

  test('the updatedAt index exists only from v2', async () => {
    const name = `migrate-${crypto.randomUUID()}`;
    db = await openRoostDb({ name, upToVersion: 1 });
    expect(db.drafts.schema.idxByName.updatedAt).toBeUndefined();
    db.close();
    db = await openRoostDb({ name });
    expect(db.drafts.schema.idxByName.updatedAt).toBeDefined();
  });
});
