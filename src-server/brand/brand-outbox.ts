// The brand accounts' outbox: main's exactly-once engine (src-main/publishing/outbox-engine.ts) and its
// repository, run unchanged on a main-format SQLite file beside the team data. The engine needs synchronous
// writes (a state is on disk before the network call it announces), which the team database's async port
// cannot give, so the jobs live there and `brand_posts` in the team database mirrors their state for desktops.
// A brand post's job has the post's id: creating it twice is harmless, and on start every post still waiting
// gets its job if a crash came between the two commits.
import path from 'node:path';
import { openMainStore, type MainStore } from '../../src-main/store/main-store.ts';
import { createOutboxEngine, type OutboxEngine } from '../../src-main/publishing/outbox-engine.ts';
import {
  createOutboxRepository,
  type OutboxRepository,
} from '../../src-main/publishing/outbox-repository.ts';
import type { StoredJob } from '../../src-main/publishing/outbox-job.ts';
import type { PublishGateway } from '../../src-main/publishing/publish-gateway.ts';
import type { BrandConnectors } from './brand-connectors.ts';

export const BRAND_OUTBOX_FILE = 'brand-outbox.sqlite';

export interface BrandOutbox {
  /** Adds the job unless a job with its id exists, then lets the engine look at it. */
  enqueue(job: StoredJob): void;
  get(id: string): StoredJob | null;
  start(): Promise<void>;
  idle(): Promise<void>;
  stop(): Promise<void>;
}

export function openBrandOutbox(deps: {
  readonly dataDir: string;
  readonly connectors: BrandConnectors;
  readonly now: () => number;
  /** Every persisted state change, to mirror into the team database and the feed. */
  readonly onChanged: (jobs: readonly StoredJob[]) => void;
  readonly onError: (error: unknown) => void;
}): BrandOutbox {
  const store: MainStore = openMainStore({ path: path.join(deps.dataDir, BRAND_OUTBOX_FILE) });
  const repo: OutboxRepository = createOutboxRepository(store);
  const engine: OutboxEngine = createOutboxEngine({
    repo,
    gateway: lazyGateway(async () => {
      const { createConnectorGateway } = await import('../../src-main/publishing/connector-gateway.ts');
      const { requirePublisher } = await import('../../src-main/connectors/publisher.ts');
      return createConnectorGateway({
        publisher: async (id) => requirePublisher(await deps.connectors.any(id)),
      });
    }),
    clock: { now: deps.now },
    timers: {
      setTimeout: (fn, ms) => setTimeout(fn, ms),
      clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
    },
    random: Math.random,
    onChanged: deps.onChanged,
    onError: deps.onError,
  });
  return {
    enqueue(job) {
      const inserted = store.transaction(() => {
        if (repo.get(job.id)) return false;
        repo.insert([job]);
        return true;
      });
      if (inserted) deps.onChanged([job]);
      engine.wake();
    },
    get: (id) => repo.get(id),
    start: () => engine.start(),
    idle: () => engine.idle(),
    async stop() {
      await engine.stop();
      store.close();
    },
  };
}

/** Main's connector gateway, loaded with the connectors on the first send (see brand-connectors.ts). */
function lazyGateway(load: () => Promise<PublishGateway>): PublishGateway {
  let gateway: Promise<PublishGateway> | null = null;
  const get = () => (gateway ??= load());
  return {
    send: async (job, at) => (await get()).send(job, at),
    reconcile: async (job) => (await get()).reconcile(job),
    reschedule: async (job, id, at) => (await get()).reschedule(job, id, at),
    unschedule: async (job, id) => (await get()).unschedule(job, id),
  };
}
