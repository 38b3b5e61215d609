// The desk of a team of one, embedded in the desktop's main: it reads the mentions the poller already fetches
// for the user's accounts (one poll per source, shared with any mentions column on screen), follows the
// outbox for the replies it sent, and answers desk:* requests.
import { ulid } from 'ulid';
import { settingsForContract } from '../../src-shared/contract/desk-settings-schema.ts';
import { RoostError } from '../../src-shared/contract/errors.ts';
import type { Account } from '../../src-shared/domain/account.ts';
import { columnSourceKey, type ColumnSource } from '../../src-shared/domain/column.ts';
import { defaultDeskSettings, type DeskSettings } from '../../src-shared/desk/desk-settings.ts';
import { deskStats } from '../../src-shared/desk/desk-stats.ts';
import type { OutboxJob } from '../../src-shared/contract/publishing-contract.ts';
import type { Handlers } from '../rpc/router.ts';
import type { MainStore } from '../store/main-store.ts';
import type { ItemsBatch, StreamEvent } from '../streams/column-state.ts';
import type { Poller, Subscription } from '../streams/poller.ts';
import { createDeskRepository } from './desk-repository.ts';
import { deskHandlers } from './desk-handlers.ts';
import { createDeskService, type DeskService } from './desk-service.ts';
import { createDeskSettingsStore } from './desk-settings-store.ts';

/** Column types whose items are written to the account: the desk's intake. */
const INTAKE_TYPES = new Set(['mentions', 'notifications', 'conversations']);

export interface EmbeddedDeskDeps {
  readonly store: MainStore;
  readonly accounts: () => readonly Account[];
  readonly onChanged: (ids: string[]) => void;
  readonly onError: (error: unknown) => void;
  readonly settings?: DeskSettings;
  readonly clock?: { now(): number };
  /** The outbox's current view of a job, so a reply sent before the desk heard of it still counts. */
  readonly findJob: (jobId: string) => OutboxJob | null;
}

export interface EmbeddedDesk {
  readonly service: DeskService;
  readonly handlers: Pick<Handlers, Extract<keyof Handlers, `desk:${string}`>>;
  /** Every batch the poller or a stream delivers; only mention-like sources are read. */
  intake(event: StreamEvent): void;
  noteJobs(jobs: readonly OutboxJob[]): void;
  /** Reads mentions through this poller from now on, and subscribes each account's mentions source. */
  attach(poller: Pick<Poller, 'subscribe' | 'refresh'>): void;
  /** Keeps a mentions subscription per Bluesky or Mastodon account; call again when accounts change. */
  syncAccounts(): void;
  start(): () => void;
}

export function createEmbeddedDesk(deps: EmbeddedDeskDeps): EmbeddedDesk {
  const clock = deps.clock ?? { now: Date.now };
  const repo = createDeskRepository(deps.store);
  const settings = createDeskSettingsStore(
    repo,
    deps.settings ?? defaultDeskSettings(Intl.DateTimeFormat().resolvedOptions().timeZone),
    deps.accounts,
  );
  const service = createDeskService({
    store: deps.store,
    repo,
    clock,
    timers: {
      setTimeout: (fn, ms) => setTimeout(fn, ms).unref(),
      clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
    },
    settings: settings.current,
    accounts: deps.accounts,
    newId: ulid,
    onChanged: deps.onChanged,
    since: repo.startedAt(clock.now()),
  });
  const subscriptions = new Map<string, Subscription>();
  let poller: Pick<Poller, 'subscribe' | 'refresh'> | null = null;

  function syncAccounts(): void {
    if (!poller) return;
    const wanted = new Map<string, ColumnSource>();
    for (const account of deps.accounts()) {
      if (account.network === 'rss') continue;
      const source: ColumnSource = { type: 'mentions', accountId: account.id, param: null };
      wanted.set(columnSourceKey(source), source);
    }
    for (const [key, subscription] of subscriptions) {
      if (!wanted.has(key)) {
        subscription.close();
        subscriptions.delete(key);
      }
    }
    for (const [key, source] of wanted) {
      if (subscriptions.has(key)) continue;
      try {
        // Not visible: the background cadence, unless a mentions column on screen shows the same source.
        subscriptions.set(key, poller.subscribe(source, { visible: false }));
      } catch (error) {
        deps.onError(error);
      }
    }
  }

  return {
    service,
    handlers: {
      ...deskHandlers(service),
      'desk:recordReply': (input) => {
        const job = deps.findJob(input.jobId);
        const conversation = service.conversation(input.id).summary;
        if (!job || job.accountId !== conversation.accountId || job.action !== 'post') {
          throw new RoostError('not_found', 'No reply of this account with that job id.');
        }
        const summary = service.recordReply(input.id, input.jobId, input.text);
        // The outbox may have sent it already (no undo window): catch up with its state now.
        service.noteJobs([job]);
        return summary;
      },
      'desk:settings': () => settingsForContract(settings.current()),
      'desk:updateSettings': (input) => {
        const saved = settings.update(input);
        // Calendars move deadlines at once: badges on screen are redrawn from the new policy.
        deps.onChanged([]);
        return settingsForContract(saved);
      },
      'desk:stats': (input) =>
        deskStats(
          repo.startedBetween(input.from, input.to).map(({ conversation: c, firstBreached }) => ({
            accountId: c.accountId,
            ownerId: c.life.ownerId,
            createdAt: c.createdAt,
            clocks: c.clocks,
            firstBreached,
          })),
          input,
          clock.now(),
          settings.current().sla,
        ),
      'desk:refresh': () => {
        for (const key of subscriptions.keys()) poller?.refresh(key);
        return { sources: subscriptions.size };
      },
    },
    intake(event) {
      if (event.kind !== 'items') return;
      const batch: ItemsBatch = event;
      const [type, accountId] = batch.columnKey.split('|');
      if (!type || !INTAKE_TYPES.has(type) || !accountId) return;
      try {
        service.ingest(accountId, batch.items);
      } catch (error) {
        deps.onError(error);
      }
    },
    noteJobs(jobs) {
      try {
        service.noteJobs(jobs);
      } catch (error) {
        deps.onError(error);
      }
    },
    attach(target) {
      poller = target;
      syncAccounts();
    },
    syncAccounts,
    start() {
      const stopTicks = service.start();
      return () => {
        stopTicks();
        for (const subscription of subscriptions.values()) subscription.close();
        subscriptions.clear();
      };
    },
  };
}
