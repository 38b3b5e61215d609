// Row shapes of the analytics tables (schema v5). Listening counts are written by the archive worker at
// ingest; the rest by the analytics feature's repositories. Everything is kept for two years.
import type { DailyCount } from '../../src-shared/analytics/daily-rollup.ts';
import type { ListeningCount } from '../../src-shared/analytics/listening.ts';

export type ListeningCountRow = ListeningCount;
/** Schema v6: listening counts per column and UTC day, kept beside the hourly rows. */
export type ListeningDailyRow = DailyCount;

/** One account's audience on one day (UTC), read from its network profile. */
export interface AccountSnapshotRow {
  readonly accountId: string;
  /** 'YYYY-MM-DD' (UTC). A later read the same day replaces the row. */
  readonly day: string;
  readonly network: string;
  readonly followers: number;
  readonly following: number;
  readonly posts: number;
  readonly takenAt: string;
}

/** How one sent post was doing when sampled. */
export interface PostSampleRow {
  /** The post's network URI or id, as main's engagement store names it. */
  readonly postKey: string;
  readonly sampledAt: string;
  readonly accountId: string;
  readonly network: string;
  readonly postedAt: string;
  readonly text: string;
  /** Likes + reposts + replies (+ quotes) at the sample. */
  readonly engagement: number;
  /** The split, where the network's read gave it; null when only the total is known. */
  readonly likes: number | null;
  readonly reposts: number | null;
  readonly replies: number | null;
  readonly quotes: number | null;
  readonly clicks: number;
  /** The campaign's utm_campaign the post's links carried, if any. */
  readonly utmCampaign: string | null;
}

/** A spike the detector found in a listening column. */
export interface AlertRow {
  readonly id: string;
  readonly columnKey: string;
  readonly kind: 'volume' | 'negative';
  /** Start of the hour that spiked (epoch ms). */
  readonly hour: number;
  readonly observed: number;
  readonly expected: number;
  readonly score: number;
  readonly raisedAt: string;
  readonly seen: boolean;
}

export interface CampaignRow {
  readonly id: string;
  readonly name: string;
  readonly utmCampaign: string;
  readonly goal: string;
  readonly cost: number;
  /** Value the user gives one conversion and one short-link click. */
  readonly valuePerConversion: number;
  readonly valuePerClick: number;
  readonly shortLinks: readonly string[];
  readonly createdAt: string;
}

/** One row of an imported conversions file. `id` is derived from its content, so a re-import adds nothing twice. */
export interface ConversionRow {
  readonly id: string;
  readonly date: string;
  readonly utmCampaign: string;
  readonly utmSource: string;
  readonly utmMedium: string;
  readonly utmContent: string;
  readonly conversions: number;
  readonly revenue: number;
  readonly importId: string;
}
