// Brand protection in main, assembled: the hijack watch over the connected accounts, the flagger for
// incoming items, and the protection:* handlers. The composition root starts the watch and routes every
// batch of items through `flag` before anything else sees it.
import { ulid } from 'ulid';
import type { HijackAlert } from '../../src-shared/contract/protection-contract.ts';
import type { Account } from '../../src-shared/domain/account.ts';
import type { Connector } from '../connectors/connector.ts';
import type { StoredJob } from '../publishing/outbox-job.ts';
import type { Handlers } from '../rpc/router.ts';
import type { Clock, Random, Timers } from '../runtime/timing.ts';
import type { MainStore } from '../store/main-store.ts';
import { createHijackWatch, type HijackWatch } from './hijack-watch.ts';
import { createItemFlagger, type ItemFlagger } from './item-flagger.ts';
import { ownStateReader } from './own-state-reader.ts';
import { protectionHandlers } from './protection-handlers.ts';
import { createProtectionRepository } from './protection-repository.ts';

export interface ProtectionModuleDeps {
  readonly store: MainStore;
  readonly dataDir: string;
  readonly accounts: () => readonly Account[];
  readonly connectorFor: (accountId: string) => Promise<Connector>;
  readonly jobs: (accountId: string) => readonly StoredJob[];
  readonly clock: Clock;
  readonly timers: Timers;
  readonly random: Random;
  readonly intervalMs: number;
  readonly onAlerts: (alerts: HijackAlert[]) => void;
  readonly onError: (context: string, error: unknown) => void;
}

export interface ProtectionModule {
  readonly watch: HijackWatch;
  readonly flagger: ItemFlagger;
  readonly handlers: Pick<Handlers, Extract<keyof Handlers, `protection:${string}`>>;
}

export function createProtectionModule(deps: ProtectionModuleDeps): ProtectionModule {
  const repo = createProtectionRepository(deps.store);
  const watch = createHijackWatch({
    repo,
    accounts: deps.accounts,
    reader: async (account) => ownStateReader(account, await deps.connectorFor(account.id)),
    jobs: deps.jobs,
    clock: deps.clock,
    timers: deps.timers,
    random: deps.random,
    intervalMs: deps.intervalMs,
    newId: ulid,
    onAlerts: deps.onAlerts,
    onError: (accountId, error) => deps.onError(`hijack check ${accountId}`, error),
  });
  const flagger = createItemFlagger({
    dataDir: deps.dataDir,
    accounts: deps.accounts,
    clock: deps.clock,
    onProblem: (message) => deps.onError('protection rules', new Error(message)),
  });
  return { watch, flagger, handlers: protectionHandlers({ repo, watch, clock: deps.clock }) };
}
