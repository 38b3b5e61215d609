// The contract handlers for analytics:*: an account's audience read from its network now, and the sent
// posts' engagement main keeps for best-time suggestions, joined with each post's text, campaign and the
// short links it carries (with their last counted clicks).
import { RoostError } from '../../src-shared/contract/errors.ts';
import type { AccountSnapshot, PostPerformance } from '../../src-shared/contract/analytics-contract.ts';
import type { Account } from '../../src-shared/domain/account.ts';
import type { AudienceCounts, Connector } from '../connectors/connector.ts';
import type { Handlers } from '../rpc/router.ts';
import type { OutboxRepository } from '../publishing/outbox-repository.ts';
import { createShortenerRepository, type CreatedLink } from '../shortener/shortener-repository.ts';
import {
  createEngagementRepository,
  type EngagementRepository,
} from '../publishing/engagement-repository.ts';
import type { MainStore } from '../store/main-store.ts';
import { shortLinksIn } from './post-short-links.ts';

type AnalyticsMethod = Extract<keyof Handlers, `analytics:${string}`>;

export interface AnalyticsDeps {
  readonly accounts: () => readonly Account[];
  /** The account's connector's audience read; throws a RoostError when the network refuses. */
  readonly readAudience: (accountId: string) => Promise<AudienceCounts>;
  readonly engagement: EngagementRepository;
  readonly outbox: Pick<OutboxRepository, 'get'>;
  /** The short link Roost made with this address, if any (clicks per sent post). */
  readonly findShortLink: (shortUrl: string) => CreatedLink | null;
  readonly now: () => number;
}

function accountOf(deps: AnalyticsDeps, accountId: string): Account & { network: 'bluesky' | 'mastodon' } {
  const account = deps.accounts().find((a) => a.id === accountId);
  if (!account) throw new RoostError('not_found', 'This account is no longer in Roost.');
  if (account.network !== 'bluesky' && account.network !== 'mastodon')
    throw new RoostError('invalid_input', 'This account has no audience to read.');
  return account as Account & { network: 'bluesky' | 'mastodon' };
}

export function analyticsHandlers(deps: AnalyticsDeps): Pick<Handlers, AnalyticsMethod> {
  return {
    'analytics:snapshot': async ({ accountId }): Promise<AccountSnapshot> => {
      const account = accountOf(deps, accountId);
      const counts = await deps.readAudience(accountId);
      return { accountId, network: account.network, ...counts, takenAt: new Date(deps.now()).toISOString() };
    },
    'analytics:postPerformance': ({ accountId, since }): PostPerformance[] => {
      const account = accountOf(deps, accountId);
      return deps.engagement.forAccount(accountId, Date.parse(since)).map((row) => {
        const job = deps.outbox.get(row.jobId);
        return {
          jobId: row.jobId,
          accountId,
          network: account.network,
          remoteId: row.remoteId,
          sentAt: new Date(row.sentMs).toISOString(),
          text: job?.text ?? '',
          campaign: job?.campaign ?? null,
          engagement: row.engagement,
          readAt: new Date(row.fetchedMs).toISOString(),
          shortLinks: job ? shortLinksIn(job.text, deps.findShortLink) : [],
        };
      });
    },
  };
}

/** Wires the handlers from main's own parts, so the composition root adds one spread line. */
export function createAnalyticsHandlers(deps: {
  readonly store: MainStore;
  readonly accounts: () => readonly Account[];
  readonly connectorFor: (accountId: string) => Promise<Connector>;
  readonly outbox: Pick<OutboxRepository, 'get'>;
}): Pick<Handlers, AnalyticsMethod> {
  return analyticsHandlers({
    accounts: deps.accounts,
    readAudience: async (accountId) => {
      const connector = await deps.connectorFor(accountId);
      if (!connector.readAudience)
        throw new RoostError('invalid_input', 'This account has no audience to read.');
      return connector.readAudience();
    },
    engagement: createEngagementRepository(deps.store),
    outbox: deps.outbox,
    findShortLink: createShortenerRepository(deps.store).findByShortUrl,
    now: Date.now,
  });
}
