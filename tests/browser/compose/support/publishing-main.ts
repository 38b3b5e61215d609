// The in-memory main extended with publishing: guards (protected accounts need the typed handle, a
// blocked term blocks), single-use clearances bound to a digest, an outbox with an undo window, and
// capabilities per account. Requests go through main's real router, like memory-main's.
import { createRouter, type Handlers } from '../../../../src-main/rpc/router.ts';
import {
  REQUEST_METHODS,
  type RequestInput,
  type RequestMethod,
} from '../../../../src-shared/contract/contract.ts';
import { RoostError, type Result } from '../../../../src-shared/contract/errors.ts';
import type { OutboxJob } from '../../../../src-shared/contract/publishing-contract.ts';
import type { OutgoingPost } from '../../../../src-shared/compose/post.ts';
import type { Transport } from '../../../../src-renderer/bridge/transport.ts';
import { createMemoryMain, type KnownUser, type MemoryMain } from '../../support/memory-main.ts';

type Mine = Partial<{ [M in RequestMethod]: Handlers[M] }>;

export interface PublishingMain {
  readonly main: MemoryMain;
  readonly transport: Transport;
  jobs(): OutboxJob[];
  /** Inputs of every outbox:submit main received. */
  submits(): RequestInput<'outbox:submit'>[];
  /** Inputs of every publish:clear main accepted. */
  clearances(): RequestInput<'publish:clear'>[];
  calls(method: RequestMethod): number;
  seedJob(job: Partial<OutboxJob> & Pick<OutboxJob, 'accountId'>): OutboxJob;
  /** Moves a job on as the outbox would, announced with outbox:changed. */
  settle(jobId: string, patch: Partial<OutboxJob>): OutboxJob;
  /** Posts containing this word are blocked by the guards. */
  blockTerm(term: string): void;
  /** Main does the work of the next call of `method` but the answer is lost, as when the link drops. */
  loseAnswer(method: RequestMethod): void;
  setMastodonLimit(maxChars: number): void;
}

export function createPublishingMain(users: readonly KnownUser[] = []): PublishingMain {
  const main = createMemoryMain(users);
  let jobs: OutboxJob[] = [];
  const submits: RequestInput<'outbox:submit'>[] = [];
  const accepted: RequestInput<'publish:clear'>[] = [];
  const clearances = new Map<string, { digest: string; used: boolean }>();
  const counts = new Map<RequestMethod, number>();
  const lost = new Set<RequestMethod>();
  const blocked: string[] = [];
  let mastodonLimit = 500;
  let next = 1;

  const iso = (ms: number) => new Date(ms).toISOString();
  const digestOf = (post: OutgoingPost) => {
    const text = JSON.stringify(post);
    let h = 0;
    for (let i = 0; i < text.length; i += 1) h = (h * 31 + text.charCodeAt(i)) | 0;
    return `d${(h >>> 0).toString(16)}`;
  };
  const account = (id: string) => main.accounts().find((a) => a.id === id);
  const changed = (list: OutboxJob[]) => main.emit('outbox:changed', { jobs: list });
  const update = (id: string, patch: Partial<OutboxJob>): OutboxJob => {
    const job = jobs.find((j) => j.id === id);
    if (!job) throw new RoostError('not_found', 'No such job');
    const updated = { ...job, ...patch, updatedAt: iso(Date.now()) };
    jobs = jobs.map((j) => (j.id === id ? updated : j));
    changed([updated]);
    return updated;
  };
  const instant = (j: OutboxJob) => j.sentAt ?? j.scheduledAt ?? j.holdUntil ?? j.createdAt;

  function preflight(post: OutgoingPost) {
    const decisions = [];
    const typeHandleFor: string[] = [];
    for (const target of post.targets) {
      const a = account(target.accountId);
      if (a?.protected) {
        typeHandleFor.push(a.id);
        decisions.push({
          id: `protected:${a.id}`,
          guard: 'protected-account' as const,
          level: 'confirm' as const,
          message: `@${a.handle} is a protected account.`,
          accountIds: [a.id],
          detail: { accountId: a.id, handle: a.handle },
        });
      }
      for (const term of blocked) {
        if (target.text.toLowerCase().includes(term)) {
          decisions.push({
            id: `term:${term}:${a?.id}`,
            guard: 'blocked-term' as const,
            level: 'block' as const,
            message: `“${term}” is on the list of blocked terms.`,
            accountIds: [target.accountId],
            detail: { term },
          });
        }
      }
    }
    return {
      digest: digestOf(post),
      decisions,
      typeHandleFor,
      acknowledge: [],
      blocked: decisions.some((d) => d.level === 'block'),
    };
  }

  const mine: Mine = {
    'streams:capabilities': ({ accountId }) => {
      const a = account(accountId);
      if (!a) throw new RoostError('not_found', 'No such account');
      const mastodon = a.network === 'mastodon';
      return {
        columnTypes: [],
        actions: ['reply', 'quote'],
        search: false,
        directMessages: false,
        streaming: false,
        serverSideScheduling: mastodon,
        limits: {
          maxChars: mastodon ? mastodonLimit : 300,
          urlWeight: mastodon ? 23 : null,
          countsGraphemes: true,
          maxMedia: 4,
          maxImageBytes: 1_000_000,
        },
      };
    },
    'publish:preflight': ({ post }) => preflight(post),
    'publish:clear': (input) => {
      const check = preflight(input.post);
      if (check.digest !== input.digest)
        throw new RoostError('invalid_input', 'The post changed since it was checked.');
      if (check.blocked) throw new RoostError('forbidden', 'This post is blocked.');
      for (const id of check.typeHandleFor) {
        const typed = (input.typedHandles[id] ?? '').replace(/^@/, '').toLowerCase();
        if (typed !== account(id)?.handle.toLowerCase())
          throw new RoostError('forbidden', 'The typed handle does not match.');
      }
      const clearanceId = `clr-${next++}`;
      clearances.set(clearanceId, { digest: check.digest, used: false });
      accepted.push(input);
      return { clearanceId, expiresAt: iso(Date.now() + 120_000) };
    },
    'outbox:submit': (input) => {
      const check = preflight(input.post);
      const clearance = input.clearanceId ? clearances.get(input.clearanceId) : undefined;
      if (input.clearanceId && (!clearance || clearance.used || clearance.digest !== check.digest))
        throw new RoostError('forbidden', 'The clearance is not valid for this post.');
      if ((check.typeHandleFor.length > 0 || check.blocked) && !clearance)
        throw new RoostError('forbidden', 'This post needs a clearance.');
      if (clearance) clearance.used = true;
      submits.push(input);
      const now = Date.now();
      const batchId = `batch-${next++}`;
      const created = input.post.targets.map((t): OutboxJob => ({
        id: `job-${next++}`,
        batchId,
        draftId: input.draftId,
        accountId: t.accountId,
        network: t.network === 'mastodon' ? 'mastodon' : 'bluesky',
        action: 'post',
        subjectId: input.post.replyTo?.remoteId ?? input.post.quote?.remoteId ?? null,
        state: input.undoSeconds > 0 ? 'held' : 'queued',
        text: t.text,
        scheduledAt: input.post.scheduledAt,
        holdUntil: iso(now + input.undoSeconds * 1000),
        scheduledBy: 'roost',
        attempts: 0,
        lastError: null,
        remoteId: null,
        url: null,
        campaign: input.campaign,
        guardRecords: [],
        createdAt: iso(now),
        updatedAt: iso(now),
        sentAt: null,
      }));
      jobs = [...jobs, ...created];
      changed(created);
      return { jobs: created };
    },
    'outbox:cancel': ({ jobId }) => {
      const job = jobs.find((j) => j.id === jobId);
      if (!job || job.state !== 'held') return { cancelled: false };
      update(jobId, { state: 'cancelled' });
      return { cancelled: true };
    },
    'outbox:list': (input) =>
      jobs.filter(
        (j) =>
          (!input.from || instant(j) >= input.from) &&
          (!input.to || instant(j) < input.to) &&
          (!input.accountIds || input.accountIds.includes(j.accountId)) &&
          (!input.campaign || j.campaign === input.campaign),
      ),
    'outbox:reschedule': ({ jobId, scheduledAt }) => {
      const job = jobs.find((j) => j.id === jobId);
      if (!job || (job.state !== 'queued' && job.state !== 'held'))
        throw new RoostError('not_found', 'Not movable');
      return update(jobId, { scheduledAt });
    },
    'outbox:resolveOverdue': ({ jobId, decision }) => {
      const job = jobs.find((j) => j.id === jobId);
      if (!job || job.state !== 'overdue') throw new RoostError('not_found', 'Not overdue');
      return update(jobId, decision === 'send' ? { state: 'sending' } : { state: 'cancelled' });
    },
    'schedule:bestTimes': () => {
      const base = new Date();
      const slots = [1, 2].flatMap((d) =>
        [9, 18].map((h) => ({
          at: new Date(base.getFullYear(), base.getMonth(), base.getDate() + d, h).toISOString(),
          score: 1,
          reason: 'default',
        })),
      );
      return { basis: 'default' as const, slots };
    },
  };

  const notHere = () => {
    throw new RoostError('unknown_method', 'Handled by memory-main');
  };
  const router = createRouter(
    Object.fromEntries(REQUEST_METHODS.map((m) => [m, mine[m] ?? notHere])) as unknown as Handlers,
  );

  const transport: Transport = {
    kind: 'memory',
    async request(method, input): Promise<Result<unknown>> {
      if (!(method in mine)) return main.transport.request(method, input);
      counts.set(method, (counts.get(method) ?? 0) + 1);
      if (main.transport.state() !== 'online')
        return { ok: false, error: { code: 'network_unreachable', message: 'offline' } };
      const wire: unknown = JSON.parse(JSON.stringify(input));
      const result = await router.dispatch(method, wire, {
        transport: 'browser',
        actor: { kind: 'local-user' },
      });
      if (lost.delete(method))
        return { ok: false, error: { code: 'network_unreachable', message: 'answer lost' } };
      return JSON.parse(JSON.stringify(result)) as Result<unknown>;
    },
    onEvent: (listener) => main.transport.onEvent(listener),
    state: () => main.transport.state(),
    onState: (listener) => main.transport.onState(listener),
    close: () => undefined,
  };

  return {
    main,
    transport,
    jobs: () => jobs,
    submits: () => submits,
    clearances: () => accepted,
    calls: (method) => (method in mine ? (counts.get(method) ?? 0) : main.calls(method)),
    settle: (jobId, patch) => update(jobId, patch),
    seedJob(partial) {
      const now = iso(Date.now());
      const job: OutboxJob = {
        id: `job-${next++}`,
        batchId: `batch-${next++}`,
        draftId: null,
        network: 'bluesky',
        action: 'post',
        subjectId: null,
        state: 'queued',
        text: 'Seeded post',
        scheduledAt: now,
        holdUntil: null,
        scheduledBy: 'roost',
        attempts: 0,
        lastError: null,
        remoteId: null,
        url: null,
        campaign: null,
        guardRecords: [],
        createdAt: now,
        updatedAt: now,
        sentAt: null,
        ...partial,
      };
      jobs = [...jobs, job];
      return job;
    },
    blockTerm: (term) => blocked.push(term.toLowerCase()),
    loseAnswer: (method) => lost.add(method),
    setMastodonLimit: (limit) => {
      mastodonLimit = limit;
    },
  };
}
