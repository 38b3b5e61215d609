// Hijack detection for every connected Bluesky and Mastodon account: once per polling interval, one cheap
// probe per account; when it differs from the baseline, the own feed and profile are read and compared with
// the baseline and with what the outbox sent (src-shared/protection). Findings become persisted alerts and
// one `onAlerts` call. The first check of an account only records its baseline.
import type { HijackAlert } from '../../src-shared/contract/protection-contract.ts';
import type { Account } from '../../src-shared/domain/account.ts';
import { diffOwnFeed, type FeedFinding } from '../../src-shared/protection/hijack-diff.ts';
import { diffProfile, type ProfileChange } from '../../src-shared/protection/profile-diff.ts';
import type { StoredJob } from '../publishing/outbox-job.ts';
import { jitteredInterval } from '../runtime/backoff.ts';
import type { Clock, Random, Timers } from '../runtime/timing.ts';
import type { OwnStateReader } from './own-state-reader.ts';
import type { ProtectionRepository } from './protection-repository.ts';
import { sentThroughRoost } from './sent-through-roost.ts';

export interface HijackWatchDeps {
  readonly repo: ProtectionRepository;
  readonly accounts: () => readonly Account[];
  readonly reader: (account: Account) => Promise<OwnStateReader>;
  /** The account's outbox jobs, read after the feed so a post sent just before is known. */
  readonly jobs: (accountId: string) => readonly StoredJob[];
  readonly clock: Clock;
  readonly timers: Timers;
  readonly random: Random;
  /** The poller's background interval: an alert comes at the latest one interval after the change. */
  readonly intervalMs: number;
  readonly newId: () => string;
  readonly onAlerts: (alerts: HijackAlert[]) => void;
  readonly onError: (accountId: string, error: unknown) => void;
}

export interface HijackWatch {
  /** Checks every account now; resolves with how many were checked and how many alerts were raised. */
  checkAll(): Promise<{ checked: number; raised: number }>;
  start(): () => void;
}

const TEXT_LIMIT = 300;
const watched = (a: Account) => a.network !== 'rss' && a.status === 'active';

export function createHijackWatch(deps: HijackWatchDeps): HijackWatch {
  const { repo, clock } = deps;
  const inFlight = new Map<string, Promise<HijackAlert[]>>();
  let stopped = false;
  let timer: unknown = null;

  const alertOf = (
    account: Account,
    now: number,
    fields: Pick<HijackAlert, 'kind' | 'uri' | 'text' | 'field'>,
  ) => ({
    id: deps.newId(),
    accountId: account.id,
    network: account.network,
    handle: account.handle,
    detectedAt: now,
    acknowledgedAt: null,
    ...fields,
    text: fields.text.slice(0, TEXT_LIMIT),
  });

  const feedAlert = (account: Account, now: number, f: FeedFinding) => ({
    alert: alertOf(account, now, { kind: f.kind, uri: f.uri, text: f.text, field: null }),
    dedupe: `${account.id}|${f.kind}|${f.uri}`,
  });
  const profileAlert = (account: Account, now: number, c: ProfileChange) => ({
    alert: alertOf(account, now, { kind: 'profile', uri: null, text: c.after ?? '', field: c.field }),
    dedupe: `${account.id}|profile|${c.field}|${now}`,
  });

  async function check(account: Account, reader: OwnStateReader): Promise<HijackAlert[]> {
    const base = repo.baseline(account.id);
    const probe = await reader.probe();
    const changed = base === null || base.mark !== probe.mark;
    const profile = probe.profile ?? (changed ? await reader.profile() : null);
    const feed = changed ? await reader.feed() : null;
    if (stopped) return [];
    const sent = sentThroughRoost(
      deps.jobs(account.id),
      account.network === 'bluesky' ? account.remoteId : null,
    );
    const diff = feed
      ? diffOwnFeed({ baseline: base?.feed ?? null, current: feed.entries, complete: feed.complete, sent })
      : null;
    const profileChanges = profile ? diffProfile(base?.profile ?? null, profile) : [];
    const now = clock.now();
    // Entries left undecided (a send in flight) must be read again next time, whatever the probe says then.
    const undecided = diff !== null && feed !== null && diff.baseline.entries.length < feed.entries.length;
    return repo.commitCheck(
      [
        ...(diff?.findings ?? []).map((f) => feedAlert(account, now, f)),
        ...profileChanges.map((c) => profileAlert(account, now, c)),
      ],
      {
        accountId: account.id,
        mark: undecided ? null : probe.mark,
        feed: diff?.baseline ?? base?.feed ?? { entries: [] },
        profile: profile ?? base!.profile,
        checkedAt: now,
      },
    );
  }

  /** One check per account at a time: a manual check during a scheduled one waits for it. */
  function checkAccount(account: Account): Promise<HijackAlert[]> {
    const running = inFlight.get(account.id);
    if (running) return running;
    const run = deps
      .reader(account)
      .then((reader) => check(account, reader))
      .catch((error: unknown) => {
        deps.onError(account.id, error);
        return [];
      })
      .finally(() => inFlight.delete(account.id));
    inFlight.set(account.id, run);
    return run;
  }

  async function checkAll(): Promise<{ checked: number; raised: number }> {
    const accounts = deps.accounts().filter(watched);
    const raised: HijackAlert[] = [];
    // One account after another: a burst of requests at every interval would compete with the columns.
    for (const account of accounts) {
      if (stopped) break;
      raised.push(...(await checkAccount(account)));
    }
    if (raised.length > 0) deps.onAlerts(raised);
    return { checked: accounts.length, raised: raised.length };
  }

  // Never later than one interval: the jitter only brings a round earlier.
  const nextDelay = () => jitteredInterval(deps.intervalMs * 0.95, 0.05, 1_000, deps.random);

  function schedule(ms: number): void {
    timer = deps.timers.setTimeout(() => {
      void checkAll().finally(() => {
        if (!stopped) schedule(nextDelay());
      });
    }, ms);
  }

  return {
    checkAll,
    start() {
      stopped = false;
      // The first round soon after start: it records baselines, or catches what happened while Roost was off.
      schedule(Math.round(5_000 + deps.random() * 5_000));
      return () => {
        stopped = true;
        if (timer !== null) deps.timers.clearTimeout(timer);
      };
    },
  };
}
