// Documented request limits per network, and which budget a request is charged to. The poller only ever spends
// a fraction of these (see PollerConfig.budgetFraction) so the user's own actions keep headroom.
import type { ColumnSource } from '../../src-shared/domain/column.ts';
import type { Network } from '../../src-shared/domain/account.ts';

export interface RatePolicy {
  /** Requests allowed per window by the server. */
  readonly limit: number;
  readonly windowMs: number;
  /** Who shares the limit: one account, every account behind this machine's IP, or one feed host. */
  readonly scope: 'account' | 'ip' | 'host';
  /** Polling any faster than this is pointless or impolite for this network, whatever the column's visibility. */
  readonly minIntervalMs: number;
  /** Where the limit is documented. */
  readonly source: string;
}

const FIVE_MINUTES = 5 * 60_000;

export const RATE_POLICIES: Readonly<Record<Network, RatePolicy>> = {
  mastodon: {
    limit: 300,
    windowMs: FIVE_MINUTES,
    scope: 'account',
    minIntervalMs: 0,
    source: 'https://docs.joinmastodon.org/api/rate-limits/ — 300 requests per 5 minutes per account',
  },
  bluesky: {
    // The read limit is per IP, so every Bluesky account signed in on this machine draws from one budget.
    limit: 3_000,
    windowMs: FIVE_MINUTES,
    scope: 'ip',
    minIntervalMs: 0,
    source: 'https://docs.bsky.app/docs/advanced-guides/rate-limits — 3000 requests per 5 minutes per IP',
  },
  rss: {
    // No standard limit exists; feeds rarely change more than every few minutes and many hosts throttle
    // aggressive readers, so stay polite: a few requests per host per window and a 5-minute floor.
    limit: 60,
    windowMs: FIVE_MINUTES,
    scope: 'host',
    minIntervalMs: FIVE_MINUTES,
    source: 'no published limit; conservative default',
  },
};

/** The budget a source's requests are charged to. */
export function budgetKeyFor(network: Network, source: ColumnSource): string {
  const policy = RATE_POLICIES[network];
  if (policy.scope === 'ip') return `${network}:ip`;
  if (policy.scope === 'host' || source.accountId === null) return `${network}:host:${hostOf(source.param)}`;
  return `${network}:account:${source.accountId}`;
}

function hostOf(url: string | null): string {
  if (url === null) return '';
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
