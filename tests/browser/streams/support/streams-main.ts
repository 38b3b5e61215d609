// An in-memory double of main for the deck: the accounts calls the session makes, plus the streams part of
// the contract. Inputs are validated with the contract's own schemas and go through a JSON round trip,
// like the wire; every call is recorded so tests can check exactly what the deck asked for.
import {
  events,
  requests,
  type EventName,
  type EventPayload,
  type RequestInput,
  type RequestMethod,
  type RequestOutput,
} from '../../../../src-shared/contract/contract.ts';
import type { Result } from '../../../../src-shared/contract/errors.ts';
import type { Gap } from '../../../../src-shared/contract/streams-contract.ts';
import type { OutboxJob } from '../../../../src-shared/contract/publishing-contract.ts';
import { RoostError } from '../../../../src-shared/contract/errors.ts';
import type { Account } from '../../../../src-shared/domain/account.ts';
import type { Capabilities } from '../../../../src-shared/domain/capabilities.ts';
import { columnSourceKey } from '../../../../src-shared/domain/column.ts';
import type { StreamItem } from '../../../../src-shared/domain/stream-item.ts';
import type { Transport, TransportEventListener } from '../../../../src-renderer/bridge/transport.ts';
import type { z } from '../../../../src-shared/zod.ts';
import { accountFixture, EPOCH } from '../../../support/builders/accounts.ts';

export interface RecordedCall {
  readonly method: RequestMethod;
  readonly input: unknown;
}

type Handler<M extends RequestMethod> = (
  input: RequestInput<M>,
) => RequestOutput<M> | Promise<RequestOutput<M>>;
type Handlers = { [M in RequestMethod]?: Handler<M> };

export interface StreamsMain {
  readonly transport: Transport;
  readonly calls: RecordedCall[];
  callsOf<M extends RequestMethod>(method: M): RequestInput<M>[];
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
  emitItems(
    columnKey: string,
    items: readonly StreamItem[],
    position?: 'newer' | 'older' | 'gap',
    gap?: Gap | null,
  ): void;
  /** columnId → columnKey of current subscriptions. */
  readonly subscriptions: Map<string, string>;
  setThread(items: StreamItem[]): void;
  /** Jobs the deck submitted to the outbox (replies, quotes, reposts, deletes), in order. */
  jobs(): OutboxJob[];
  /** Moves a job on, as the outbox would, and announces it with outbox:changed. */
  settle(jobId: string, state: OutboxJob['state'], patch?: Partial<OutboxJob>): void;
}

export const BLUESKY_CAPABILITIES: Capabilities = {
  columnTypes: ['home', 'mentions', 'notifications', 'search', 'author', 'feed', 'list'],
  actions: ['like', 'repost', 'reply', 'quote', 'delete', 'thread'],
  search: true,
  directMessages: false,
  streaming: false,
  serverSideScheduling: false,
  limits: { maxChars: 300, urlWeight: null, countsGraphemes: true, maxMedia: 4, maxImageBytes: 1_000_000 },
};

export function testAccount(overrides: Partial<Account> = {}): Account {
  return accountFixture(1, {
    id: 'acc-1',
    remoteId: 'did:plc:me',
    handle: 'me.test',
    displayName: 'Me',
    createdAt: EPOCH,
    ...overrides,
  });
}

export function createStreamsMain(
  accounts: readonly Account[] = [testAccount()],
  /** Handlers for methods beyond the streams part (or replacing one of them). */
  extra: Handlers = {},
): StreamsMain {
  const calls: RecordedCall[] = [];
  const listeners = new Set<TransportEventListener>();
  const subscriptions = new Map<string, string>();
  let thread: StreamItem[] = [];
  let nextAct = 1;
  const jobs: OutboxJob[] = [];
  let ticks = 0;
  const grants = new Map<string, boolean>();
  // Like main's guards, only for what the deck shows: a protected account needs its handle typed.
  const preflight = (accountId: string, digest: string) => {
    const account = accounts.find((a) => a.id === accountId);
    const typeHandleFor = account?.protected ? [accountId] : [];
    const decisions = typeHandleFor.map((id) => ({
      id: `protected-account:${id}`,
      guard: 'protected-account' as const,
      level: 'confirm' as const,
      message: `@${account?.handle ?? ''} is a protected account`,
      accountIds: [id],
      detail: {},
    }));
    return { digest, decisions, typeHandleFor, acknowledge: [], blocked: false };
  };
  const clear = (accountId: string, typed: Record<string, string>) => {
    const account = accounts.find((a) => a.id === accountId);
    if (account?.protected && typed[accountId]?.replace(/^@/, '') !== account.handle)
      throw new RoostError('forbidden', 'Not cleared: the typed handle does not match the account');
    const clearanceId = `grant-${grants.size + 1}`;
    grants.set(clearanceId, false);
    return { clearanceId, expiresAt: new Date(Date.now() + 60_000).toISOString() };
  };
  const authorise = (accountId: string, clearanceId: string | null) => {
    const account = accounts.find((a) => a.id === accountId);
    if (!account?.protected) return;
    if (!clearanceId || grants.get(clearanceId) !== false)
      throw new RoostError('forbidden', 'This needs confirmation before it can be published.');
    grants.set(clearanceId, true);
  };
  const newJob = (
    accountId: string,
    action: OutboxJob['action'],
    subjectId: string | null,
    text: string,
    undoSeconds: number,
  ): OutboxJob => {
    const now = new Date().toISOString();
    const job: OutboxJob = {
      id: `job-${jobs.length + 1}`,
      batchId: `batch-${jobs.length + 1}`,
      draftId: null,
      accountId,
      network: 'bluesky',
      action,
      subjectId,
      state: undoSeconds > 0 ? 'held' : 'queued',
      text,
      scheduledAt: null,
      holdUntil: undoSeconds > 0 ? new Date(Date.now() + undoSeconds * 1000).toISOString() : null,
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
    };
    jobs.push(job);
    return job;
  };

  const handlers: Handlers = {
    'app:ready': () => ({ queued: 0 }),
    'vault:status': () => ({ state: 'available', detail: 'test' }),
    'accounts:list': () => [...accounts],
    'streams:capabilities': () => BLUESKY_CAPABILITIES,
    'streams:subscribe': (input) => {
      const columnKey = columnSourceKey(input.source);
      subscriptions.set(input.columnId, columnKey);
      return { columnKey };
    },
    'streams:unsubscribe': (input) => {
      subscriptions.delete(input.columnId);
      return {};
    },
    'streams:setVisible': () => ({}),
    'streams:refresh': () => ({}),
    'streams:loadGap': () => ({}),
    'streams:loadOlder': () => ({}),
    'items:act': () => ({ remoteId: `at://did:plc:me/record/${nextAct++}` }),
    'items:thread': () => thread,
    'publish:preflight': (input) => preflight(input.post.targets[0]?.accountId ?? '', 'sha256:post'),
    'publish:clear': (input) => clear(input.post.targets[0]?.accountId ?? '', input.typedHandles),
    'outbox:submit': (input) => {
      const target = input.post.targets[0];
      authorise(target?.accountId ?? '', input.clearanceId);
      const subject = input.post.replyTo?.remoteId ?? input.post.quote?.remoteId ?? null;
      return {
        jobs: [newJob(target?.accountId ?? '', 'post', subject, target?.text ?? '', input.undoSeconds)],
      };
    },
    'publish:preflightAction': (input) => preflight(input.action.accountId, 'sha256:action'),
    'publish:clearAction': (input) => clear(input.action.accountId, input.typedHandles),
    'outbox:submitAction': (input) => {
      authorise(input.action.accountId, input.clearanceId);
      const { action } = input;
      return { jobs: [newJob(action.accountId, action.kind, action.item.remoteId, '', input.undoSeconds)] };
    },
    'outbox:cancel': (input) => {
      const job = jobs.find((j) => j.id === input.jobId);
      if (!job || job.state !== 'held') return { cancelled: false };
      settle(job.id, 'cancelled');
      return { cancelled: true };
    },
    'outbox:retry': (input) => {
      const job = jobs.find((j) => j.id === input.jobId);
      if (!job) throw new RoostError('not_found', 'No such outbox job.');
      settle(job.id, 'queued', { lastError: null });
      return jobs.find((j) => j.id === input.jobId) ?? job;
    },
    ...extra,
  };

  function settle(jobId: string, state: OutboxJob['state'], patch: Partial<OutboxJob> = {}): void {
    const index = jobs.findIndex((j) => j.id === jobId);
    const job = jobs[index];
    if (!job) throw new Error(`no job ${jobId}`);
    const next: OutboxJob = {
      ...job,
      ...patch,
      state,
      updatedAt: new Date(Date.now() + ++ticks).toISOString(),
    };
    jobs[index] = next;
    emit('outbox:changed', { jobs: [next] });
  }

  function emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    // Checked against the contract, as the client will do on arrival.
    (events[name] as z.ZodType).parse(payload);
    const wire: unknown = JSON.parse(JSON.stringify(payload));
    for (const listener of listeners) listener(name, wire);
  }

  const transport: Transport = {
    kind: 'memory',
    async request(method, input): Promise<Result<unknown>> {
      const wireInput: unknown = JSON.parse(JSON.stringify(input ?? {}));
      calls.push({ method, input: wireInput });
      const parsed = (requests[method].input as z.ZodType).safeParse(wireInput);
      if (!parsed.success)
        return { ok: false, error: { code: 'invalid_input', message: `Invalid input for ${method}` } };
      const handler = handlers[method] as ((i: unknown) => unknown) | undefined;
      if (!handler) return { ok: false, error: { code: 'unknown_method', message: method } };
      const value = await handler(parsed.data);
      return JSON.parse(JSON.stringify({ ok: true, value })) as Result<unknown>;
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    state: () => 'online',
    onState: () => () => undefined,
    close: () => undefined,
  };

  return {
    transport,
    calls,
    callsOf: <M extends RequestMethod>(method: M) =>
      calls.filter((c) => c.method === method).map((c) => c.input as RequestInput<M>),
    emit,
    emitItems(columnKey, items, position = 'newer', gap = null) {
      emit('streams:items', { columnKey, items: [...items], position, gap });
    },
    subscriptions,
    setThread(items) {
      thread = items;
    },
    jobs: () => [...jobs],
    settle,
  };
}
