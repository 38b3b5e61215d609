// Fills the account snapshots and post samples from main: one audience read per account and UTC day
// (main's connector reads it within the network's rate budget), and the engagement main keeps for the
// account's sent posts. A failure for one account (offline, signed out, rate limited) skips it until the
// next round; what was stored before stays.
import { extractUtmCampaign } from './utm-campaign.ts';
import type { RoostClient } from '../../../bridge/client.ts';
import type { AccountSnapshotRow, PostSampleRow } from '../../../db/analytics-rows.ts';
import type { RoostDb } from '../../../db/roost-db.ts';
import { putSamples, putSnapshots } from '../repositories/performance-repository.ts';

const SAMPLE_WINDOW_MS = 90 * 86_400_000;

export interface SyncResult {
  readonly snapshots: number;
  readonly samples: number;
  readonly failures: number;
}

export async function syncPerformance(
  client: RoostClient,
  db: RoostDb,
  accountIds: readonly string[],
  now: number,
): Promise<SyncResult> {
  const day = new Date(now).toISOString().slice(0, 10);
  const snapshots: AccountSnapshotRow[] = [];
  const samples: PostSampleRow[] = [];
  let failures = 0;
  for (const accountId of accountIds) {
    if (!(await db.accountSnapshots.get([accountId, day]))) {
      const snap = await client.call('analytics:snapshot', { accountId });
      if (snap.ok) snapshots.push({ ...snap.value, day });
      else failures++;
    }
    const since = new Date(now - SAMPLE_WINDOW_MS).toISOString();
    const posts = await client.call('analytics:postPerformance', { accountId, since });
    if (!posts.ok) {
      failures++;
      continue;
    }
    for (const p of posts.value) {
      if (p.engagement === null) continue;
      samples.push({
        postKey: p.remoteId,
        sampledAt: p.readAt,
        accountId,
        network: p.network,
        postedAt: p.sentAt,
        text: p.text,
        engagement: p.engagement,
        likes: null,
        reposts: null,
        replies: null,
        quotes: null,
        clicks: 0,
        utmCampaign: p.campaign ?? extractUtmCampaign(p.text),
      });
    }
  }
  await putSnapshots(db, snapshots);
  await putSamples(db, samples);
  return { snapshots: snapshots.length, samples: samples.length, failures };
}
