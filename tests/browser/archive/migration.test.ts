// Schema v2 → v3 over real IndexedDB: the archive tables appear empty, earlier data is untouched, and an
// archive opened on the upgraded database works.
import { afterEach, expect, test } from 'vitest';
import { createArchive } from '../../../src-renderer/archive/create-archive.ts';
import { openRoostDb, type RoostDb } from '../../../src-renderer/db/roost-db.ts';
import { SCHEMA_VERSIONS } from '../../../src-renderer/db/schema.ts';
import { makeItem, uniqueDbName } from './make-item.ts';

let db: RoostDb | null = null;
afterEach(() => {
  db?.close();
  db = null;
});

test('v3 exists for the archive and says why', () => {
  const v3 = SCHEMA_VERSIONS.find((v) => v.version === 3);
  expect(v3?.why).toMatch(/archive/);
  expect(Object.keys(v3?.stores ?? {}).sort()).toEqual([
    'archiveMeta',
    'columnItems',
    'indexSegments',
    'items',
  ]);
});

test('v2 → v3 keeps settings and drafts and adds the archive tables with their indexes', async () => {
  const name = uniqueDbName('migrate-archive');
  db = await openRoostDb({ name, upToVersion: 2 });
  expect(db.verno).toBe(2);
  expect(db.tables.map((t) => t.name)).not.toContain('items');
  await db.settings.put({ key: 'locale', value: 'fr' });
  await db.drafts.put({ id: 'd1', accountId: 'a', updatedAt: '2025-01-02T00:00:00.000Z' });
  db.close();

  db = await openRoostDb({ name, upToVersion: 3 });
  expect(db.verno).toBe(3);
  expect(await db.settings.get('locale')).toEqual({ key: 'locale', value: 'fr' });
  expect(await db.drafts.count()).toBe(1);
  expect(await db.items.count()).toBe(0);
  const itemIndexes = Object.keys(db.items.schema.idxByName).sort();
  expect(itemIndexes).toEqual(['accountId', 'authorId', 'createdAt', 'lang', 'network', 'sentiment']);
  expect(db.columnItems.schema.primKey.keyPath).toEqual(['columnKey', 'sortKey']);
  expect(db.columnItems.schema.idxByName.itemKey).toBeDefined();
  db.close();
  db = null;

  const archive = createArchive({ dbName: name });
  try {
    await archive.ingest('col', [makeItem({ id: 'm1', text: 'after the upgrade' })]);
    expect((await archive.search({ text: 'upgrade' })).map((h) => h.item.remoteId)).toEqual(['m1']);
  } finally {
    archive.close();
  }
  db = await openRoostDb({ name });
  const row = await db.items.get('bluesky:m1');
  expect(row?.lang).toBe('en');
  expect(row?.authorId).toBe('did:plc:alice.example');
  // The archive opened it at the latest version, where items are looked up by key only (see v4).
  expect(row?.network).toBe('bluesky');
});
