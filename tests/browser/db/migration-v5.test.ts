// Schema v4 → v5 over real IndexedDB: the analytics tables appear beside an existing archive and settings
// without touching them, their keys behave as the analytics code expects, and two-year pruning keeps the rest.
import { afterEach, expect, test } from 'vitest';
import { emptyCount } from '../../../src-shared/analytics/listening.ts';
import { openRoostDb, type RoostDb } from '../../../src-renderer/db/roost-db.ts';
import { pruneAnalytics } from '../../../src-renderer/features/analytics/repositories/analytics-retention.ts';

let db: RoostDb | null = null;
afterEach(() => {
  db?.close();
  db = null;
});

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

test('v4 → v5 adds the analytics tables and keeps v4 data', async () => {
  const name = `migrate-v5-${crypto.randomUUID()}`;
  db = await openRoostDb({ name, upToVersion: 4 });
  expect(db.tables.map((t) => t.name)).not.toContain('listeningCounts');
  await db.settings.put({ key: 'theme', value: 'dark' });
  await db.archiveMeta.put({ key: 'retention', value: { maxItemsPerColumn: 10, maxAgeDays: 3 } });
  db.close();

  db = await openRoostDb({ name, upToVersion: 5 });
  expect(db.verno).toBe(5);
  expect(await db.settings.get('theme')).toEqual({ key: 'theme', value: 'dark' });
  expect((await db.archiveMeta.get('retention'))?.value).toEqual({ maxItemsPerColumn: 10, maxAgeDays: 3 });
  for (const table of [
    'listeningCounts',
    'accountSnapshots',
    'postSamples',
    'alerts',
    'campaigns',
    'conversions',
  ])
    expect(await db.table(table).count()).toBe(0);

  // One row per column and hour: a second put of the same pair replaces the first.
  await db.listeningCounts.put({ ...emptyCount('col-a', 5 * HOUR), total: 1 });
  await db.listeningCounts.put({ ...emptyCount('col-a', 5 * HOUR), total: 3 });
  await db.listeningCounts.put({ ...emptyCount('col-b', 5 * HOUR), total: 2 });
  expect(await db.listeningCounts.count()).toBe(2);
  expect((await db.listeningCounts.get(['col-a', 5 * HOUR]))?.total).toBe(3);
  // Campaigns are unique by utm_campaign.
  const campaign = {
    name: 'Spring',
    utmCampaign: 'spring',
    goal: 'signups',
    cost: 100,
    valuePerConversion: 10,
    valuePerClick: 0,
    shortLinks: [],
    createdAt: new Date().toISOString(),
  };
  await db.campaigns.add({ ...campaign, id: 'c1' });
  await expect(db.campaigns.add({ ...campaign, id: 'c2' })).rejects.toThrow();
});

test('pruning deletes analytics older than two years and keeps newer rows and campaigns', async () => {
  db = await openRoostDb({ name: `prune-${crypto.randomUUID()}` });
  const now = Date.UTC(2026, 5, 1);
  const old = now - 800 * DAY;
  const recent = now - 30 * DAY;
  const iso = (t: number) => new Date(t).toISOString();
  await db.listeningCounts.bulkPut([emptyCount('c', old), emptyCount('c', recent)]);
  const snap = {
    accountId: 'a',
    network: 'bluesky',
    followers: 1,
    following: 1,
    posts: 1,
    takenAt: iso(now),
  };
  await db.accountSnapshots.bulkPut([
    { ...snap, day: iso(old).slice(0, 10) },
    { ...snap, day: iso(recent).slice(0, 10) },
  ]);
  const alert = {
    columnKey: 'c',
    kind: 'volume' as const,
    observed: 9,
    expected: 1,
    score: 8,
    raisedAt: iso(now),
    seen: false,
  };
  await db.alerts.bulkPut([
    { ...alert, id: 'old', hour: old },
    { ...alert, id: 'new', hour: recent },
  ]);
  const conv = {
    utmCampaign: 'x',
    utmSource: 's',
    utmMedium: 'm',
    utmContent: '',
    conversions: 1,
    revenue: 1,
    importId: 'i',
  };
  await db.conversions.bulkPut([
    { ...conv, id: 'old', date: iso(old).slice(0, 10) },
    { ...conv, id: 'new', date: iso(recent).slice(0, 10) },
  ]);

  const result = await pruneAnalytics(db, now);
  expect(result.deleted).toBe(4);
  expect(await db.listeningCounts.toCollection().primaryKeys()).toEqual([['c', recent]]);
  expect(await db.accountSnapshots.count()).toBe(1);
  expect(await db.alerts.toCollection().primaryKeys()).toEqual(['new']);
  expect(await db.conversions.toCollection().primaryKeys()).toEqual(['new']);
});
