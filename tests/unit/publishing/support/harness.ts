// A publishing module on a real SQLite file with simulated time and an in-memory network that behaves like
// the real ones where exactly-once matters: a post stands at its record key / Idempotency-Key, once.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RoostError } from '../../../../src-shared/contract/errors.ts';
import type { OutgoingPost, PostRef } from '../../../../src-shared/compose/post.ts';
import type { Account } from '../../../../src-shared/domain/account.ts';
import { accountFixture } from '../../../support/builders/accounts.ts';
import { openMainStore, type MainStore } from '../../../../src-main/store/main-store.ts';
import {
  createPublishingModule,
  type PublishingModule,
} from '../../../../src-main/publishing/publishing-module.ts';
import type { StoredJob } from '../../../../src-main/publishing/outbox-job.ts';
import type { PublishGateway, SendOutcome } from '../../../../src-main/publishing/publish-gateway.ts';
import type { PublishingSettings } from '../../../../src-main/publishing/publishing-settings.ts';
import { createFakeTime, seededRandom, type FakeTime } from '../../streams/support/fake-time.ts';

export type Step =
  'ok' | 'post-then-hang' | 'hang' | RoostError | { error: RoostError; afterPosting: boolean };

/** The simulated network: posts keyed by record key or Idempotency-Key, and a script of what the next sends do. */
export class FakeNetwork implements PublishGateway {
  readonly posts = new Map<string, { jobId: string; text: string; atMs: number }>();
  readonly sends: Array<{
    jobId: string;
    key: string;
    stateDuringSend: string | null;
    /** The reply reference the call carried (a later post of a thread: the post before it). */
    replyTo: PostRef | null;
  }> = [];
  readonly script: Step[] = [];
  readonly unscheduled: string[] = [];
  readjob: (id: string) => StoredJob | null = () => null;
  now: () => number = () => 0;

  keyOf(job: StoredJob): string {
    return job.rkey ?? job.idempotencyKey;
  }

  async send(job: StoredJob, serverScheduleAt: string | null): Promise<SendOutcome> {
    const key = this.keyOf(job);
    this.sends.push({
      jobId: job.id,
      key,
      stateDuringSend: this.readjob(job.id)?.state ?? null,
      replyTo: job.payload.replyTo,
    });
    const step = this.script.shift() ?? 'ok';
    if (step === 'hang') return new Promise<never>(() => undefined);
    if (step instanceof RoostError) throw step;
    if (serverScheduleAt) return { kind: 'scheduled', serverScheduleId: `sched-${key}` };
    if (!this.posts.has(key)) this.posts.set(key, { jobId: job.id, text: job.text, atMs: this.now() });
    if (step === 'post-then-hang') return new Promise<never>(() => undefined);
    if (step !== 'ok' && step.afterPosting) throw step.error;
    if (step !== 'ok') {
      this.posts.delete(key);
      throw step.error;
    }
    return { kind: 'published', remoteId: `remote-${key}`, url: null, cid: this.cidOf(job) };
  }

  /** Bluesky posts have a CID (a later post of a thread needs it); Mastodon statuses do not. */
  cidOf(job: StoredJob): string | null {
    return job.network === 'bluesky' ? `cid-${this.keyOf(job)}` : null;
  }

  async reconcile(job: StoredJob) {
    const key = this.keyOf(job);
    return this.posts.has(key) ? { remoteId: `remote-${key}`, url: null, cid: this.cidOf(job) } : null;
  }

  async reschedule(): Promise<void> {}

  async unschedule(_job: StoredJob, id: string): Promise<void> {
    this.unscheduled.push(id);
  }
}

/** Publishing tests name accounts by number: the shared builder. */
export const account = accountFixture;

export function post(
  text: string,
  accountIds: readonly string[] = ['acct-1'],
  scheduledAt: string | null = null,
): OutgoingPost {
  return {
    targets: accountIds.map((accountId) => ({
      accountId,
      network: accountId.startsWith('masto') ? 'mastodon' : 'bluesky',
      text,
      contentWarning: null,
      media: [],
    })),
    replyTo: null,
    quote: null,
    scheduledAt,
  };
}

/** A thread: the first text, then each follow-up, to every account (each with the same language). */
export function thread(
  texts: readonly [string, ...string[]],
  accountIds: readonly string[] = ['acct-1'],
  extra: { visibility?: 'public' | 'unlisted' | 'private' | 'direct'; language?: string } = {},
): OutgoingPost {
  const [first, ...rest] = texts;
  const base = post(first, accountIds);
  return {
    ...base,
    targets: base.targets.map((t) => ({
      ...t,
      visibility: t.network === 'mastodon' ? (extra.visibility ?? null) : null,
      language: extra.language ?? null,
      followUps: rest.map((text) => ({ text, contentWarning: null })),
    })),
  };
}

export const DEFAULT_SETTINGS: PublishingSettings = {
  orgDomains: ['roost.example'],
  blockedTerms: [],
  quietHours: {},
  levels: {},
  timeZone: 'Europe/Paris',
  graceMinutes: 15,
  clearanceMinutes: 5,
};

export interface Harness {
  readonly dir: string;
  readonly time: FakeTime;
  readonly network: FakeNetwork;
  readonly accounts: Account[];
  readonly changed: StoredJob[][];
  readonly attention: StoredJob[];
  store: MainStore;
  module: PublishingModule;
  /** Simulates a crash or shutdown: drops the engine without recording anything, reopens after `ms`. */
  restart(ms: number, network?: FakeNetwork): Promise<void>;
  /** The machine sleeps for `ms`: the clock jumps, no timer fires meanwhile, then the engine is woken. */
  sleep(ms: number): Promise<void>;
  now(): number;
  close(): Promise<void>;
}

export interface HarnessOptions {
  readonly settings?: Partial<PublishingSettings>;
  readonly blockList?: string;
  /** A real gateway instead of the simulated network (which then sees nothing). */
  readonly gateway?: PublishGateway;
  readonly accounts?: readonly Account[];
}

export async function createHarness(options: HarnessOptions = {}): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'roost-publishing-'));
  const shipped = join(dir, 'blocklists');
  mkdirSync(shipped);
  writeFileSync(join(shipped, 'default.txt'), options.blockList ?? '# test list\nmalware.example\n');
  const time = createFakeTime();
  const accounts = [
    account(1),
    account(2),
    account(3, { protected: true, handle: 'Brand.example' }),
    ...(options.accounts ?? []),
  ];
  const changed: StoredJob[][] = [];
  const attention: StoredJob[] = [];
  const settings = { ...DEFAULT_SETTINGS, ...options.settings };
  let skew = 0;
  const clock = { now: () => time.now() + skew };

  const build = (store: MainStore, network: FakeNetwork): PublishingModule => {
    const module = createPublishingModule({
      store,
      dataDir: dir,
      accounts: () => accounts,
      gateway: options.gateway ?? network,
      clock,
      timers: time.timers,
      random: seededRandom(7),
      onChanged: (jobs) => changed.push([...jobs]),
      onAttention: (job) => attention.push(job),
      settings: () => settings,
      shippedBlockLists: shipped,
      concurrency: 2,
      actor: 'tester',
    });
    network.readjob = (id) => module.repo.get(id);
    network.now = clock.now;
    return module;
  };

  const network = new FakeNetwork();
  const store = openMainStore({ path: join(dir, 'main.sqlite') });
  const harness: Harness = {
    dir,
    time,
    network,
    accounts,
    changed,
    attention,
    store,
    module: build(store, network),
    async restart(ms, next) {
      // A dead process records nothing more: its engine is abandoned, not stopped.
      harness.store.close();
      await time.advance(0);
      // The abandoned engine's timers may fire on the closed store: they fail harmlessly, as in a dead process.
      await time.advance(ms);
      harness.store = openMainStore({ path: join(dir, 'main.sqlite') });
      harness.module = build(harness.store, next ?? network);
      await harness.module.engine.start();
      await time.settle();
    },
    async sleep(ms) {
      skew += ms;
      harness.module.engine.wake();
      await time.settle();
    },
    now: clock.now,
    async close() {
      const stopping = harness.module.engine.stop();
      await time.advance(5_000);
      await stopping;
      harness.store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await harness.module.engine.start();
  return harness;
}
