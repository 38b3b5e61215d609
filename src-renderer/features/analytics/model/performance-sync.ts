// Fills the account snapshots and post samples from main: one audience read per account and UTC day
// (main's connector reads it within the network's rate budget), and the engagement main keeps for the
// account's sent posts, with the clicks on the short links each post carries (counted afresh from the
// shortener's server when it answers, else as main last counted them). A failure for one account (offline,
// signed out, rate limited) skips it until the next round; what was stored before stays.
import { extractUtmCampaign } from './utm-campaign.ts';
import type { RoostClient } from '../../../bridge/client.ts';
import type { AccountSnapshotRow, PostSampleRow } from '../../../db/analytics-rows.ts';
import type { RoostDb } from '../../../db/roost-db.ts';
import { MAX_CODES_PER_CLICKS } from '../../../../src-shared/contract/shortener-contract.ts';
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
    const fresh = await countClicks(
      client,
      posts.value.flatMap((p) => p.shortLinks.map((l) => l.code)),
    );
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
        clicks: p.shortLinks.reduce((sum, l) => sum + (fresh.get(l.code) ?? l.clicks ?? 0), 0),
        utmCampaign: p.campaign ?? extractUtmCampaign(p.text),
      });
    }
  }
  await putSnapshots(db, snapshots);
  await putSamples(db, samples);
  return { snapshots: snapshots.length, samples: samples.length, failures };
}

/** Asks the shortener's server for the clicks of these codes; codes it could not count are left out. */
async function countClicks(client: RoostClient, codes: readonly string[]): Promise<Map<string, number>> {
  const unique = [...new Set(codes)];
  const counted = new Map<string, number>();
  for (let i = 0; i < unique.length; i += MAX_CODES_PER_CLICKS) {
    const result = await client.call('shortener:clicks', {
      codes: unique.slice(i, i + MAX_CODES_PER_CLICKS),
    });
    // No shortener set up any more, or its server is down: main's last counts stand.
    if (!result.ok) return counted;
    for (const { code, clicks } of result.value.counts) if (clicks !== null) counted.set(code, clicks);
  }
  return counted;
}
