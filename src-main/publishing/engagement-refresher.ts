// Keeps the engagement counts of an account's sent posts fresh enough for best-time suggestions: reads only
// what is stale, in bounded batches, and falls back to the cached counts whenever the network says no.
import type { EngagementRepository, PostEngagement } from './engagement-repository.ts';
import type { EngagementSample } from './best-times.ts';
import type { StoredJob } from './outbox-job.ts';
import type { Timers } from '../runtime/timing.ts';
import type { EngagementRead } from '../connectors/publisher.ts';

export type EngagementReader = (
  accountId: string,
  network: StoredJob['network'],
  remoteIds: readonly string[],
) => Promise<EngagementRead>;

export interface RefreshPolicy {
  /** Only posts sent this recently count. */
  readonly windowMs: number;
  /** A post gathers most of its engagement in its first days; until then a count is good for this long. */
  readonly youngForMs: number;
  readonly youngFreshMs: number;
  /** A count read once the post was settled rarely moves: re-read it after this long. */
  readonly settledFreshMs: number;
  /** Ids per network call (Bluesky getPosts takes 25) or per Mastodon round of single-status reads. */
  readonly batchSize: Readonly<Record<StoredJob['network'], number>>;
  /** Batches per account and refresh, so one look at the composer never costs more than this. */
  readonly maxBatches: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const DEFAULT_REFRESH_POLICY: RefreshPolicy = {
  windowMs: 90 * DAY,
  youngForMs: 2 * DAY,
  youngFreshMs: 3 * HOUR,
  settledFreshMs: 7 * DAY,
  batchSize: { bluesky: 25, mastodon: 10 },
  maxBatches: 4,
};

export interface EngagementRefresherDeps {
  readonly repo: EngagementRepository;
  readonly read: EngagementReader;
  readonly now: () => number;
  readonly policy?: Partial<RefreshPolicy>;
  /** A refresh that failed (offline, signed out, rate limited): the cached counts are used instead. */
  readonly onError?: (accountId: string, error: unknown) => void;
  /**
   * How long `samples` waits for a refresh before answering from the counts already stored; the refresh
   * carries on and the next look sees its results. Without it, `samples` waits for the whole refresh.
   */
  readonly maxWait?: { readonly ms: number; readonly timers: Timers };
}

export interface EngagementRefresher {
  /** Samples for the sent jobs given, after refreshing what is stale; never rejects. */
  samples(jobs: readonly StoredJob[]): Promise<EngagementSample[]>;
}

interface Candidate {
  readonly job: StoredJob;
  readonly remoteId: string;
  readonly sentMs: number;
}

/** Whether the cached count of a post sent at `sentMs` should be read again at `nowMs`. */
export function isStale(
  cached: Pick<PostEngagement, 'fetchedMs'> | undefined,
  sentMs: number,
  nowMs: number,
  policy: RefreshPolicy = DEFAULT_REFRESH_POLICY,
): boolean {
  if (!cached) return true;
  const readWhileYoung = cached.fetchedMs - sentMs < policy.youngForMs;
  return nowMs - cached.fetchedMs >= (readWhileYoung ? policy.youngFreshMs : policy.settledFreshMs);
}

/** The sent posts that count: first posts of a thread (follow-ups live off the first one's reach). */
function candidates(jobs: readonly StoredJob[], sinceMs: number): Candidate[] {
  const out: Candidate[] = [];
  for (const job of jobs) {
    if (job.state !== 'sent' || !job.remoteId || !job.sentAt || job.threadIndex !== 0) continue;
    const sentMs = Date.parse(job.sentAt);
    if (Number.isNaN(sentMs) || sentMs < sinceMs) continue;
    out.push({ job, remoteId: job.remoteId, sentMs });
  }
  return out;
}

export function createEngagementRefresher(deps: EngagementRefresherDeps): EngagementRefresher {
  const policy: RefreshPolicy = { ...DEFAULT_REFRESH_POLICY, ...deps.policy };
  // One refresh per account at a time: a second look at the composer waits for the first instead of re-reading.
  const running = new Map<string, Promise<void>>();

  const refresh = async (accountId: string, posts: readonly Candidate[], sinceMs: number): Promise<void> => {
    const now = deps.now();
    const cached = new Map(deps.repo.forAccount(accountId, sinceMs).map((row) => [row.jobId, row]));
    const network = posts[0]?.job.network ?? 'bluesky';
    const size = Math.max(1, policy.batchSize[network]);
    const stale = posts
      .filter((p) => isStale(cached.get(p.job.id), p.sentMs, now, policy))
      // Never-read posts first, then the longest unread: every post gets its turn across refreshes.
      .sort((a, b) => (cached.get(a.job.id)?.fetchedMs ?? -1) - (cached.get(b.job.id)?.fetchedMs ?? -1))
      .slice(0, size * policy.maxBatches);
    for (let i = 0; i < stale.length; i += size) {
      const batch = stale.slice(i, i + size);
      let answer: EngagementRead;
      try {
        answer = await deps.read(
          accountId,
          network,
          batch.map((p) => p.remoteId),
        );
      } catch (error) {
        deps.onError?.(accountId, error);
        return;
      }
      const fetchedMs = deps.now();
      const absent = new Set(answer.absent);
      const rows: PostEngagement[] = [];
      for (const p of batch) {
        const count = answer.counts.get(p.remoteId);
        if (count === undefined && !absent.has(p.remoteId)) continue;
        rows.push({
          jobId: p.job.id,
          accountId,
          remoteId: p.remoteId,
          sentMs: p.sentMs,
          engagement: count ?? null,
          fetchedMs,
        });
      }
      deps.repo.put(rows);
      // A partial answer means the network asked Roost to slow down: the rest waits for the next refresh.
      if (rows.length < batch.length) return;
    }
  };

  return {
    async samples(jobs) {
      const sinceMs = deps.now() - policy.windowMs;
      const posts = candidates(jobs, sinceMs);
      const byAccount = new Map<string, Candidate[]>();
      for (const p of posts) byAccount.set(p.job.accountId, [...(byAccount.get(p.job.accountId) ?? []), p]);
      const samples: EngagementSample[] = [];
      for (const [accountId, own] of byAccount) {
        let pending = running.get(accountId);
        if (!pending) {
          pending = refresh(accountId, own, sinceMs)
            .catch((error: unknown) => deps.onError?.(accountId, error))
            .finally(() => running.delete(accountId));
          running.set(accountId, pending);
        }
        await waitAtMost(pending, deps.maxWait);
        const wanted = new Set(own.map((p) => p.job.id));
        for (const row of deps.repo.forAccount(accountId, sinceMs)) {
          if (row.engagement !== null && wanted.has(row.jobId)) {
            samples.push({ atMs: row.sentMs, engagement: row.engagement });
          }
        }
      }
      return samples;
    },
  };
}

/** Resolves when `work` settles or after `limit.ms`, whichever comes first (`work` never rejects here). */
function waitAtMost(work: Promise<void>, limit: EngagementRefresherDeps['maxWait']): Promise<void> {
  if (!limit) return work;
  return new Promise((resolve) => {
    const timer = limit.timers.setTimeout(resolve, limit.ms);
    void work.then(() => {
      limit.timers.clearTimeout(timer);
      resolve();
    });
  });
}
