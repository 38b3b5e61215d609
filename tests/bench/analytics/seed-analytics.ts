// One year of hourly listening counts for 20 columns (175,200 rows) and their daily rollups (7,300 rows), their deck columns, two accounts'
// daily audience, 300 sent posts sampled and one campaign: what bench:analytics opens the dashboard on.
import { rollUpDaily } from '../../../src-shared/analytics/daily-rollup.ts';
import { HOUR_MS, hourOf, type ListeningCount } from '../../../src-shared/analytics/listening.ts';
import type { AccountSnapshotRow, PostSampleRow } from '../../../src-renderer/db/analytics-rows.ts';
import type { RoostDb } from '../../../src-renderer/db/roost-db.ts';
import { addCampaign } from '../../../src-renderer/features/analytics/repositories/campaigns-repository.ts';
import { rng } from '../support/generate-items.ts';

export const COLUMNS = 20;
export const HOURS = 365 * 24;
export const columnSource = (c: number) => ({
  type: 'search' as const,
  accountId: 'acct-1',
  param: `topic${c}`,
});

export async function seedAnalytics(
  db: RoostDb,
  columnKeys: readonly string[],
  now: number,
): Promise<number> {
  const random = rng(14);
  await db.columns.bulkPut(
    columnKeys.map((_, c) => ({
      id: `col-${c}`,
      workspaceId: 'ws',
      title: `Topic ${c}`,
      source: columnSource(c),
    })) as never,
  );
  const first = hourOf(now) - (HOURS - 1) * HOUR_MS;
  let rows = 0;
  for (const [c, columnKey] of columnKeys.entries()) {
    const batch: ListeningCount[] = [];
    for (let h = 0; h < HOURS; h += 1) {
      const hour = first + h * HOUR_MS;
      const daytime = ((hour / HOUR_MS) % 24) / 24;
      const total = Math.round((5 + c) * (0.4 + Math.sin(Math.PI * daytime)) * (0.5 + random()));
      const negative = Math.floor(total * 0.2 * random());
      const positive = Math.floor((total - negative) * random());
      const en = Math.round(total * 0.7);
      const bluesky = Math.round(total * 0.6);
      batch.push({
        columnKey,
        hour,
        total,
        sentiment: { positive, neutral: total - negative - positive, negative },
        lang: { en, fr: total - en },
        network: { bluesky, mastodon: total - bluesky },
      });
    }
    await db.listeningCounts.bulkPut(batch);
    // The rollups the archive worker keeps beside the hours (schema v6), as its flushes would have left them.
    await db.listeningDaily.bulkPut(rollUpDaily(batch));
    rows += batch.length;
  }
  const snapshots: AccountSnapshotRow[] = [];
  for (const [a, network] of ['bluesky', 'mastodon'].entries()) {
    for (let d = 0; d < 365; d += 1) {
      const day = new Date(now - d * 86_400_000).toISOString().slice(0, 10);
      const followers = 5_000 + a * 2_000 - d * 3;
      snapshots.push({
        accountId: `acct-${a + 1}`,
        day,
        network,
        followers,
        following: 300,
        posts: 1_000 - d,
        takenAt: `${day}T12:00:00.000Z`,
      });
    }
  }
  await db.accountSnapshots.bulkPut(snapshots);
  const samples: PostSampleRow[] = Array.from({ length: 300 }, (_, p) => {
    const postedAt = new Date(now - (p + 1) * 29 * HOUR_MS).toISOString();
    return {
      postKey: `at://did:plc:brand/app.bsky.feed.post/p${p}`,
      sampledAt: new Date(Date.parse(postedAt) + 24 * HOUR_MS).toISOString(),
      accountId: p % 2 === 0 ? 'acct-1' : 'acct-2',
      network: p % 2 === 0 ? 'bluesky' : 'mastodon',
      postedAt,
      text: `Sent post number ${p} about our spring launch`,
      engagement: Math.round(random() * 200),
      likes: null,
      reposts: null,
      replies: null,
      quotes: null,
      clicks: Math.round(random() * 40),
      utmCampaign: p % 3 === 0 ? 'spring' : null,
    };
  });
  await db.postSamples.bulkPut(samples);
  await addCampaign(db, {
    name: 'Spring launch',
    utmCampaign: 'spring',
    goal: 'sign-ups',
    cost: 500,
    valuePerConversion: 20,
    valuePerClick: 0.5,
    shortLinks: [],
  });
  return rows;
}
