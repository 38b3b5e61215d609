// The brand-account side of the team server, started with it: the credential vault, the connectors, the
// poller and the outbox, and the mirror that turns the outbox's job states into `brand_posts` rows and
// `brandPost` changes. Handlers reach it through ServerDeps.
import type { StoredJob } from '../../src-main/publishing/outbox-job.ts';
import type { BrandAccessLevel } from '../../src-shared/team/team-contract.ts';
import { appendChange } from '../storage/change-log.ts';
import type { SqlEngine } from '../storage/sql-engine.ts';
import type { FeedControl } from '../handlers/context.ts';
import { createBrandConnectors, type BrandConnectors } from './brand-connectors.ts';
import { openBrandOutbox, type BrandOutbox } from './brand-outbox.ts';
import { createBrandPoller, type BrandPoller, type ItemStoredHook } from './brand-poller.ts';
import { BRAND_POST_COLUMNS, toBrandPost, toBrandAccount, BRAND_ACCOUNT_COLUMNS } from './brand-records.ts';
import type { CredentialVault } from './credential-vault.ts';

export interface BrandServiceOptions {
  readonly dataDir: string;
  readonly engine: SqlEngine;
  readonly vault: CredentialVault;
  readonly feed: FeedControl;
  readonly now: () => number;
  readonly fetch?: typeof globalThis.fetch;
  readonly pollIntervalMs?: number;
  readonly log: (message: string) => void;
  /** The inquiry desk's intake, run in the transaction that stores a polled item. */
  readonly onItemStored?: ItemStoredHook;
  /** Polled items were stored (after commit). */
  readonly onItemsStored?: () => void;
}

export interface BrandService {
  readonly vault: CredentialVault;
  readonly connectors: BrandConnectors;
  readonly fetch: typeof globalThis.fetch | undefined;
  /** After the submit's commit: hands the post's job to the outbox. */
  enqueue(job: StoredJob): void;
  accountConnected(account: { id: string; network: 'bluesky' | 'mastodon' }): void;
  accountRemoved(accountId: string): void;
  /** After an access change commits: the feed's view of who may see which account. */
  setAccessCache(accountId: string, memberId: string, access: BrandAccessLevel | null): void;
  /** For the feed: may this (non-admin) member see records of this brand account? */
  canSee(memberId: string, accountId: string): boolean;
  start(): Promise<void>;
  /** Resolves when no send is in flight and every state change is mirrored (tests, shutdown). */
  settled(): Promise<void>;
  stop(): Promise<void>;
}

const WAITING_STATES = "('held', 'queued', 'sending', 'overdue')";

export function createBrandService(options: BrandServiceOptions): BrandService {
  const { engine, now } = options;
  const access = new Map<string, Map<string, BrandAccessLevel>>();
  const connectors = createBrandConnectors({
    engine,
    vault: options.vault,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    onError: options.log,
  });
  let mirroring: Promise<void> = Promise.resolve();

  const mirror = async (job: StoredJob): Promise<void> => {
    const changed = await engine.transaction(async (tx) => {
      const row = await tx.get(`SELECT ${BRAND_POST_COLUMNS} FROM brand_posts WHERE id = ?`, [job.id]);
      if (!row) return false;
      const before = toBrandPost(row);
      const lastError = job.lastError ? { code: job.lastError.code, message: job.lastError.message } : null;
      if (
        before.state === job.state &&
        before.remoteId === job.remoteId &&
        JSON.stringify(before.lastError) === JSON.stringify(lastError)
      ) {
        return false;
      }
      const after = {
        ...before,
        state: job.state,
        remoteId: job.remoteId,
        url: job.url,
        lastError,
        updatedAt: now(),
        version: before.version + 1,
      };
      await tx.run(
        `UPDATE brand_posts SET state = ?, remote_id = ?, url = ?, last_error = ?, updated_at = ?, version = ?
          WHERE id = ?`,
        [
          after.state,
          after.remoteId,
          after.url,
          lastError ? JSON.stringify(lastError) : null,
          after.updatedAt,
          after.version,
          after.id,
        ],
      );
      await appendChange(tx, {
        at: after.updatedAt,
        actorId: null,
        entity: 'brandPost',
        entityId: after.id,
        version: after.version,
        data: { ...after },
      });
      return true;
    });
    if (changed) options.feed.wake();
  };

  const onChanged = (jobs: readonly StoredJob[]) => {
    for (const job of jobs) {
      mirroring = mirroring
        .then(() => mirror(job))
        .catch((error: unknown) => options.log(`brand post ${job.id} state not recorded: ${String(error)}`));
    }
  };

  const outbox: BrandOutbox = openBrandOutbox({
    dataDir: options.dataDir,
    connectors,
    now,
    onChanged,
    onError: (error) => options.log(`brand outbox: ${String(error)}`),
  });
  const poller: BrandPoller = createBrandPoller({
    engine,
    connectors,
    now,
    ...(options.pollIntervalMs ? { intervalMs: options.pollIntervalMs } : {}),
    ...(options.onItemStored ? { onItemStored: options.onItemStored } : {}),
    onChanges: () => {
      options.feed.wake();
      options.onItemsStored?.();
    },
    onError: options.log,
  });

  const setAccessCache: BrandService['setAccessCache'] = (accountId, memberId, level) => {
    let members = access.get(accountId);
    if (!members) access.set(accountId, (members = new Map()));
    if (level) members.set(memberId, level);
    else members.delete(memberId);
  };

  return {
    vault: options.vault,
    connectors,
    fetch: options.fetch,
    enqueue: (job) => outbox.enqueue(job),
    accountConnected(account) {
      poller.watch(account);
    },
    accountRemoved(accountId) {
      poller.unwatch(accountId);
      connectors.forget(accountId);
      access.delete(accountId);
    },
    setAccessCache,
    canSee: (memberId, accountId) => access.get(accountId)?.has(memberId) ?? false,
    async start() {
      for (const row of await engine.all('SELECT account_id, member_id, access FROM brand_access')) {
        setAccessCache(
          String(row['account_id']),
          String(row['member_id']),
          row['access'] as BrandAccessLevel,
        );
      }
      // A crash between a submit's commit and its job's creation leaves the post waiting without a job.
      const waiting = await engine.all(
        `SELECT id, payload FROM brand_posts WHERE state IN ${WAITING_STATES}`,
      );
      for (const row of waiting) {
        const job = outbox.get(String(row['id']));
        if (job) onChanged([job]);
        else outbox.enqueue(JSON.parse(String(row['payload'])) as StoredJob);
      }
      await outbox.start();
      const accounts = await engine.all(
        `SELECT ${BRAND_ACCOUNT_COLUMNS} FROM brand_accounts WHERE removed_at IS NULL`,
      );
      for (const row of accounts) poller.watch(toBrandAccount(row));
      poller.start();
    },
    async settled() {
      await outbox.idle();
      let last: Promise<void>;
      do {
        last = mirroring;
        await last;
      } while (last !== mirroring);
    },
    async stop() {
      await poller.stop();
      await outbox.stop();
      await mirroring;
    },
  };
}
