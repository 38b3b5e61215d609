// Assembles publishing from main's store and ports: repository, guard gate, engine and service. Used by
// main's services and by anything else that runs the outbox under plain Node (the crash-test runner).
import { userInfo } from 'node:os';
import type { Account } from '../../src-shared/domain/account.ts';
import type { EngagementSample } from './best-times.ts';
import { createEngagementRepository } from './engagement-repository.ts';
import type { MainStore } from '../store/main-store.ts';
import type { Clock, Random, Timers } from '../runtime/timing.ts';
import { createClearanceBook } from './clearances.ts';
import { createEngagementRefresher, type EngagementReader } from './engagement-refresher.ts';
import { createGuardGate } from './guard-gate.ts';
import { createOutboxEngine, type OutboxEngine } from './outbox-engine.ts';
import { isPostJob, type StoredJob } from './outbox-job.ts';
import { createOutboxRepository, type OutboxRepository } from './outbox-repository.ts';
import type { PublishGateway } from './publish-gateway.ts';
import { createPublishingService, type PublishingService } from './publishing-service.ts';
import {
  loadBlockList,
  loadPublishingSettings,
  SHIPPED_BLOCKLISTS,
  type PublishingSettings,
} from './publishing-settings.ts';
import type { RetryPolicy } from './send-errors.ts';

export interface PublishingModuleDeps {
  readonly store: MainStore;
  readonly dataDir: string;
  readonly accounts: () => readonly Account[];
  readonly gateway: PublishGateway;
  readonly clock: Clock;
  readonly timers: Timers;
  readonly random: Random;
  readonly onChanged: (jobs: readonly StoredJob[]) => void;
  readonly onAttention?: (job: StoredJob) => void;
  readonly onError?: (error: unknown) => void;
  readonly settings?: () => PublishingSettings;
  /** More block-list text to enforce beside the shipped and the user's lists: the team's, in a team. */
  readonly extraBlockList?: () => string;
  readonly shippedBlockLists?: string;
  /** Replaces the engagement history entirely (tests); otherwise `readEngagement` feeds a cached refresher. */
  readonly engagement?: (jobs: readonly StoredJob[]) => Promise<readonly EngagementSample[]>;
  /** Reads current counts of sent posts from their network; without it suggestions use the default curve. */
  readonly readEngagement?: EngagementReader;
  readonly concurrency?: number;
  readonly retry?: RetryPolicy;
  readonly actor?: string;
}

export interface PublishingModule {
  readonly repo: OutboxRepository;
  readonly engine: OutboxEngine;
  readonly service: PublishingService;
}

export function createPublishingModule(deps: PublishingModuleDeps): PublishingModule {
  const settings =
    deps.settings ?? (() => loadPublishingSettings(deps.dataDir, (m) => deps.onError?.(new Error(m))));
  const graceMs = settings().graceMinutes * 60 * 1000;
  const repo = createOutboxRepository(deps.store);
  const engine = createOutboxEngine({
    repo,
    gateway: deps.gateway,
    clock: deps.clock,
    timers: deps.timers,
    random: deps.random,
    onChanged: deps.onChanged,
    graceMs,
    ...(deps.onAttention ? { onAttention: deps.onAttention } : {}),
    ...(deps.onError ? { onError: deps.onError } : {}),
    ...(deps.concurrency ? { concurrency: deps.concurrency } : {}),
    ...(deps.retry ? { retry: deps.retry } : {}),
  });
  const guards = createGuardGate({
    accounts: deps.accounts,
    recentPosts: (accountIds, sinceMs) =>
      // Reposts and deletes have no text of their own: they are never a duplicate of a post.
      repo
        .recentForAccounts(accountIds, sinceMs)
        .filter(isPostJob)
        .map((job) => ({
          accountId: job.accountId,
          text: job.text,
          postedAt: job.sentAt ?? new Date(job.dueMs).toISOString(),
        })),
    settings,
    blockList: () =>
      loadBlockList(deps.dataDir, deps.shippedBlockLists ?? SHIPPED_BLOCKLISTS, deps.extraBlockList?.()),
    clearances: createClearanceBook(),
    now: () => deps.clock.now(),
    actor: deps.actor ?? safeUserName(),
  });
  const refresher = deps.readEngagement
    ? createEngagementRefresher({
        repo: createEngagementRepository(deps.store),
        read: deps.readEngagement,
        now: () => deps.clock.now(),
        onError: (_accountId, error) => deps.onError?.(error),
        // The composer shows suggestions at once from stored counts when the network is slow.
        maxWait: { ms: 2_000, timers: deps.timers },
      })
    : null;
  const engagement = deps.engagement ?? (refresher ? refresher.samples : undefined);
  const service = createPublishingService({
    repo,
    engine,
    gateway: deps.gateway,
    guards,
    account: (id) => deps.accounts().find((a) => a.id === id) ?? null,
    now: () => deps.clock.now(),
    random: deps.random,
    graceMs,
    timeZone: () => settings().timeZone,
    ...(engagement ? { engagement } : {}),
  });
  return { repo, engine, service };
}

function safeUserName(): string {
  try {
    return userInfo().username || 'local user';
  } catch {
    return 'local user';
  }
}
