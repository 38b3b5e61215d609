// The embedded inquiry desk of a team of one: turns the mentions, replies and quotes the user's accounts
// receive into conversations, keeps their states and SLA clocks, and records notes and sent replies. The
// rules are src-shared/desk's, the same a team server runs; only storage and the single expert ('me') are
// this host's. It holds no connector and no outbox: nothing here can publish, so a note cannot leave.
import type { Account } from '../../src-shared/domain/account.ts';
import type { StreamItem } from '../../src-shared/domain/stream-item.ts';
import type { OutboxJob } from '../../src-shared/contract/publishing-contract.ts';
import {
  applyAction,
  conversationKey,
  DeskTransitionError,
  onContactMessage,
  threadIdFor,
  wakeIfDue,
  type ConversationLife,
  type DeskAction,
} from '../../src-shared/desk/conversation.ts';
import type { DeskSettings } from '../../src-shared/desk/desk-settings.ts';
import { byPriority, scorePriority, type PriorityReason } from '../../src-shared/desk/priority.ts';
import { requiredSkills } from '../../src-shared/desk/routing.ts';
import {
  clockStatus,
  meetClock,
  pauseClock,
  resumeClock,
  slaEventsBetween,
  startClock,
  tierFor,
  type SlaClock,
} from '../../src-shared/desk/sla.ts';
import { contactName, fillReply } from '../../src-shared/desk/saved-reply.ts';
import type {
  ConversationDetail,
  ConversationSummary,
  DeskActionInput,
  DeskChange,
  DeskNote,
  DeskView,
  SavedReply,
} from '../../src-shared/contract/desk-contract.ts';
import { RoostError } from '../../src-shared/contract/errors.ts';
import type { MainStore } from '../store/main-store.ts';
import type { DeskRepository, StoredConversation, StoredMessage } from './desk-repository.ts';

/** The one expert of a desk embedded in the desktop. */
export const SOLO_EXPERT = 'me';

/** Message kinds that are someone writing to the account. */
const INQUIRY_KINDS: ReadonlySet<StreamItem['kind']> = new Set(['mention', 'reply', 'quote', 'dm']);
/** The contact's words kept per conversation for scoring: enough for every rule, bounded for storage. */
const MAX_INBOUND_TEXT = 4_000;
/** Mentions older than this before the desk first ran are history, not inquiries. */
const HISTORY_GRACE_MS = 24 * 3_600_000;
const TICK_MS = 30_000;

export interface DeskServiceDeps {
  readonly store: MainStore;
  readonly repo: DeskRepository;
  readonly clock: { now(): number };
  readonly timers: {
    setTimeout(fn: () => void, ms: number): unknown;
    clearTimeout(handle: unknown): void;
  };
  readonly settings: () => DeskSettings;
  readonly accounts: () => readonly Account[];
  readonly newId: () => string;
  readonly onChanged: (ids: string[]) => void;
  /** When the desk began taking inquiries (epoch ms); older mentions (beyond a day's grace) are ignored. */
  readonly since: number;
}

export interface DeskService {
  /** Starts the SLA and snooze ticks; returns the stop function. */
  start(): () => void;
  ingest(accountId: string, items: readonly StreamItem[]): string[];
  /** Follows the outbox: a desk reply becomes a sent message when the network has it, or is dropped. */
  noteJobs(jobs: readonly OutboxJob[]): void;
  list(view: DeskView, limit?: number): ConversationSummary[];
  counts(): Record<DeskView, number>;
  conversation(id: string): ConversationDetail;
  act(id: string, action: DeskActionInput): ConversationSummary;
  addNote(id: string, text: string): DeskNote;
  changesSince(id: string, since: number): DeskChange[];
  recordReply(id: string, jobId: string, text: string): ConversationSummary;
  savedReplies(): SavedReply[];
  saveReply(input: { id: string | null; title: string; bodyEn: string; bodyFr: string }): SavedReply;
  deleteReply(id: string): { deleted: boolean };
  useReply(id: string, conversationId: string, lang: 'en' | 'fr'): { text: string };
  tick(): void;
}

const reasonText = (r: PriorityReason) => (r.kind === 'term' ? `term:${r.text}` : r.kind);

export function createDeskService(deps: DeskServiceDeps): DeskService {
  const { repo, store, clock } = deps;
  let lastTick = clock.now();

  const mustGet = (id: string): StoredConversation => {
    const found = repo.get(id);
    if (!found) throw new RoostError('not_found', 'No such conversation.');
    return found;
  };

  const policy = () => deps.settings().sla;

  function summarise(c: StoredConversation, now: number): ConversationSummary {
    let sla: ConversationSummary['sla'] = null;
    let best = Number.POSITIVE_INFINITY;
    for (const clock of c.clocks) {
      const status = clockStatus(clock, now, policy());
      if (!('deadline' in status)) {
        if (status.state === 'paused' && sla === null)
          sla = { clock: clock.kind, state: 'paused', deadline: null };
        continue;
      }
      if (status.deadline < best) {
        best = status.deadline;
        sla = { clock: clock.kind, state: status.state, deadline: status.deadline };
      }
    }
    return {
      id: c.id,
      accountId: c.accountId,
      network: c.network,
      contact: c.contact,
      state: c.life.state,
      ownerId: c.life.ownerId,
      priority: c.priority,
      priorityReasons: [...c.priorityReasons],
      skills: [...c.skills],
      lang: c.lang,
      excerpt: c.excerpt,
      createdAt: c.createdAt,
      lastMessageAt: c.lastMessageAt,
      snoozedUntil: c.life.snoozedUntil,
      sla,
    };
  }

  /** Clocks follow the state: paused while pending, every one met once resolved. */
  function clocksFor(
    before: ConversationLife,
    after: ConversationLife,
    clocks: readonly SlaClock[],
    now: number,
  ) {
    if (after.state === 'resolved') return clocks.map((c) => meetClock(c, now));
    if (after.state === 'pending' && before.state !== 'pending') {
      return clocks.map((c) => pauseClock(c, now, policy().calendar));
    }
    if (before.state === 'pending' && after.state !== 'pending')
      return clocks.map((c) => resumeClock(c, now));
    return [...clocks];
  }

  function save(c: StoredConversation, event: string, detail: unknown, now: number): void {
    repo.put(c);
    repo.addEvent(c.id, event, detail, now);
  }

  function ingestOne(account: Account, item: StreamItem, now: number): string | null {
    if (!INQUIRY_KINDS.has(item.kind) || item.network === 'rss') return null;
    if (item.author.id === account.remoteId || item.author.handle === account.handle) return null;
    const created = Date.parse(item.createdAt);
    if (Number.isFinite(created) && created < deps.since - HISTORY_GRACE_MS) return null;
    const messageId = item.key;
    if (repo.message(messageId)) return null;

    const threadId = threadIdFor(
      { remoteId: item.remoteId, replyToRemoteId: item.replyTo?.remoteId ?? null },
      (remoteId) => repo.threadOf(account.id, remoteId),
    );
    const key = conversationKey(account.id, item.author.id, threadId);
    const existing = repo.byKey(key);
    const settings = deps.settings();
    const inboundText = `${existing?.inboundText ?? ''}\n${item.text}`.trim().slice(-MAX_INBOUND_TEXT);
    const lang = existing?.lang ?? item.lang;
    const score = scorePriority(
      {
        text: inboundText,
        lang,
        contactId: item.author.id,
        contactHandle: item.author.handle,
        followers: null,
        network: item.network,
      },
      settings.priority,
    );
    const skills = requiredSkills(
      {
        id: key,
        text: inboundText,
        lang,
        network: item.network,
        brandAccountId: account.id,
        priority: score.score,
        createdAt: existing?.createdAt ?? now,
      },
      settings.skills,
    );
    const tier = tierFor(settings.sla, score.score);

    let conversation: StoredConversation;
    let event: string;
    if (!existing) {
      conversation = {
        id: deps.newId(),
        key,
        accountId: account.id,
        network: item.network,
        contact: {
          id: item.author.id,
          handle: item.author.handle,
          displayName: item.author.displayName,
          avatarUrl: item.author.avatarUrl,
          impostor: item.flags?.impostor ?? null,
        },
        threadId,
        life: { state: 'new', ownerId: null, snoozedUntil: null },
        priority: score.score,
        priorityReasons: score.reasons.map(reasonText),
        skills,
        lang,
        inboundText,
        excerpt: item.text.slice(0, 500),
        createdAt: now,
        lastMessageAt: now,
        clocks: [startClock('first_response', tier, now), startClock('resolution', tier, now)],
      };
      event = 'created';
    } else {
      const moved = onContactMessage(existing.life);
      let clocks = clocksFor(existing.life, moved.life, existing.clocks, now);
      if (moved.reopened) {
        clocks = [startClock('resolution', tier, now)];
      }
      // A message after the brand answered starts the next-response clock, unless one already runs.
      const answered = clocks.some((c) => c.kind === 'first_response' && c.metAt !== null) || moved.reopened;
      const waiting = clocks.some((c) => c.kind !== 'resolution' && c.metAt === null);
      if (answered && !waiting) clocks = [...clocks, startClock('next_response', tier, now)];
      if (moved.life.state === 'pending') clocks = clocks.map((c) => pauseClock(c, now, policy().calendar));
      conversation = {
        ...existing,
        // A later message flagged as an impostor's flags the whole conversation.
        contact: existing.contact.impostor
          ? existing.contact
          : { ...existing.contact, impostor: item.flags?.impostor ?? null },
        life: moved.life,
        priority: score.score,
        priorityReasons: score.reasons.map(reasonText),
        skills,
        inboundText,
        excerpt: item.text.slice(0, 500),
        lastMessageAt: now,
        clocks,
      };
      event = moved.reopened ? 'reopened' : 'message';
    }
    const message: StoredMessage = {
      id: messageId,
      conversationId: conversation.id,
      accountId: account.id,
      status: 'sent',
      direction: 'in',
      network: item.network,
      remoteId: item.remoteId,
      actionRef: item.actionRef,
      authorHandle: item.author.handle,
      text: item.text,
      url: item.url,
      createdAt: Number.isFinite(created) ? created : now,
      receivedAt: now,
    };
    save(conversation, event, { messageId }, now);
    repo.addMessage(message);
    return conversation.id;
  }

  function noteChanged(ids: string[]): void {
    if (ids.length > 0) deps.onChanged([...new Set(ids)].slice(0, 1_000));
  }

  function tick(): void {
    const now = clock.now();
    const since = lastTick;
    lastTick = now;
    const changed: string[] = [];
    store.transaction(() => {
      for (const c of repo.inStates(['new', 'open', 'pending', 'snoozed'], 100_000)) {
        const woke = wakeIfDue(c.life, now);
        if (woke !== c.life) {
          save({ ...c, life: woke }, 'woke', {}, now);
          changed.push(c.id);
        }
        for (const e of slaEventsBetween(c.clocks, since, now, policy())) {
          repo.addEvent(c.id, e.kind === 'breach' ? 'sla_breach' : 'sla_warning', e, now);
          changed.push(c.id);
        }
      }
    });
    noteChanged(changed);
  }

  const inView: Record<DeskView, (s: ConversationSummary) => boolean> = {
    mine: (s) => s.ownerId === SOLO_EXPERT && (s.state === 'open' || s.state === 'new'),
    unassigned: (s) => s.ownerId === null && s.state === 'new',
    pending: (s) => s.state === 'pending',
    snoozed: (s) => s.state === 'snoozed',
    resolved: (s) => s.state === 'resolved',
    breaching: (s) => s.state !== 'resolved' && (s.sla?.state === 'breached' || s.sla?.state === 'at_risk'),
  };
  const statesOf: Record<DeskView, ConversationLife['state'][]> = {
    mine: ['new', 'open'],
    unassigned: ['new'],
    pending: ['pending'],
    snoozed: ['snoozed'],
    resolved: ['resolved'],
    breaching: ['new', 'open', 'pending', 'snoozed'],
  };

  /** Priority first; then the nearest SLA deadline; then oldest. */
  function bySlaAndPriority(a: ConversationSummary, b: ConversationSummary): number {
    if (a.priority !== b.priority) return b.priority - a.priority;
    const da = a.sla?.deadline ?? Number.POSITIVE_INFINITY;
    const db = b.sla?.deadline ?? Number.POSITIVE_INFINITY;
    if (da !== db) return da < db ? -1 : 1;
    return byPriority(a, b);
  }

  function list(view: DeskView, limit = 5_000): ConversationSummary[] {
    const now = clock.now();
    const rows = repo.inStates(statesOf[view], view === 'resolved' ? limit : 100_000);
    const shown = rows.map((c) => summarise(c, now)).filter(inView[view]);
    if (view === 'resolved') return shown.sort((a, b) => b.lastMessageAt - a.lastMessageAt).slice(0, limit);
    return shown.sort(bySlaAndPriority).slice(0, limit);
  }

  function toAction(action: DeskActionInput): DeskAction {
    switch (action.kind) {
      case 'claim':
        return { kind: 'assign', ownerId: SOLO_EXPERT };
      case 'snooze':
        return { kind: 'snooze', until: action.until };
      default:
        return { kind: action.kind };
    }
  }

  return {
    start() {
      let stopped = false;
      let handle: unknown = null;
      const loop = () => {
        if (stopped) return;
        try {
          tick();
        } finally {
          if (!stopped) handle = deps.timers.setTimeout(loop, TICK_MS);
        }
      };
      handle = deps.timers.setTimeout(loop, TICK_MS);
      return () => {
        stopped = true;
        if (handle !== null) deps.timers.clearTimeout(handle);
      };
    },

    ingest(accountId, items) {
      const account = deps.accounts().find((a) => a.id === accountId);
      if (!account) return [];
      const now = clock.now();
      const ids: string[] = [];
      store.transaction(() => {
        // Oldest first, so a reply finds the conversation its parent opened in the same batch.
        for (const item of [...items].reverse()) {
          const id = ingestOne(account, item, now);
          if (id) ids.push(id);
        }
      });
      noteChanged(ids);
      return ids;
    },

    noteJobs(jobs) {
      const changed: string[] = [];
      store.transaction(() => {
        for (const job of jobs) {
          const message = repo.message(`job:${job.id}`);
          if (!message || message.status === 'sent') continue;
          if (job.state === 'cancelled' || job.state === 'failed') {
            repo.deleteMessage(message.id);
            changed.push(message.conversationId);
            continue;
          }
          if (job.state !== 'sent') continue;
          repo.markSent(message.id, job.remoteId, job.url);
          const c = repo.get(message.conversationId);
          if (!c) continue;
          const now = clock.now();
          const clocks = c.clocks.map((k) => (k.kind === 'resolution' ? k : meetClock(k, now)));
          const life: ConversationLife =
            c.life.ownerId === null
              ? applyAction(c.life, { kind: 'assign', ownerId: SOLO_EXPERT }, now)
              : c.life;
          save({ ...c, life, clocks, lastMessageAt: now }, 'replied', { jobId: job.id }, now);
          changed.push(c.id);
        }
      });
      noteChanged(changed);
    },

    list,
    counts() {
      return {
        mine: list('mine', 100_000).length,
        unassigned: list('unassigned', 100_000).length,
        pending: list('pending', 100_000).length,
        snoozed: list('snoozed', 100_000).length,
        resolved: repo.inStates(['resolved'], 100_000).length,
        breaching: list('breaching', 100_000).length,
      };
    },

    conversation(id) {
      const c = mustGet(id);
      const now = clock.now();
      return {
        summary: summarise(c, now),
        messages: repo.messages(id).map((m) => ({
          id: m.id,
          direction: m.direction,
          network: m.network,
          remoteId: m.remoteId,
          actionRef: m.actionRef,
          authorHandle: m.authorHandle,
          text: m.text,
          url: m.url,
          createdAt: m.createdAt,
        })),
        notes: repo.notes(id),
        history: repo
          .byContact(c.accountId, c.contact.id)
          .filter((other) => other.id !== id)
          .map((other) => summarise(other, now)),
      };
    },

    act(id, input) {
      const now = clock.now();
      return store.transaction(() => {
        const c = mustGet(id);
        let life: ConversationLife;
        try {
          life = applyAction(c.life, toAction(input), now);
        } catch (error) {
          if (error instanceof DeskTransitionError) throw new RoostError('invalid_input', error.message);
          throw error;
        }
        let clocks = clocksFor(c.life, life, c.clocks, now);
        if (input.kind === 'reopen') clocks = [startClock('resolution', tierFor(policy(), c.priority), now)];
        const next = { ...c, life, clocks };
        save(next, input.kind, input, now);
        noteChanged([id]);
        return summarise(next, now);
      });
    },

    addNote(id, text) {
      const now = clock.now();
      const note: DeskNote = { id: deps.newId(), text, createdAt: now };
      store.transaction(() => {
        mustGet(id);
        repo.addNote(id, note);
        repo.addEvent(id, 'note', { noteId: note.id }, now);
      });
      noteChanged([id]);
      return note;
    },

    changesSince(id, since) {
      mustGet(id);
      const changes: DeskChange[] = [];
      for (const m of repo.messages(id)) {
        const at = m.receivedAt ?? m.createdAt;
        if (at > since) {
          changes.push({
            kind: m.direction === 'in' ? 'message' : 'reply',
            at,
            excerpt: m.text.slice(0, 300),
          });
        }
      }
      for (const n of repo.notes(id)) {
        if (n.createdAt > since)
          changes.push({ kind: 'note', at: n.createdAt, excerpt: n.text.slice(0, 300) });
      }
      return changes.sort((a, b) => a.at - b.at);
    },

    recordReply(id, jobId, text) {
      const now = clock.now();
      return store.transaction(() => {
        const c = mustGet(id);
        const account = deps.accounts().find((a) => a.id === c.accountId);
        repo.addMessage({
          id: `job:${jobId}`,
          conversationId: id,
          accountId: c.accountId,
          status: 'held',
          direction: 'out',
          network: c.network,
          remoteId: '',
          actionRef: null,
          authorHandle: account?.handle ?? '',
          text,
          url: null,
          createdAt: now,
        });
        return summarise(c, now);
      });
    },

    savedReplies: () => repo.savedReplies(),
    saveReply(input) {
      const existing = input.id ? repo.savedReply(input.id) : null;
      if (input.id && !existing) throw new RoostError('not_found', 'No such saved reply.');
      const reply: SavedReply = {
        id: existing?.id ?? deps.newId(),
        title: input.title,
        bodyEn: input.bodyEn,
        bodyFr: input.bodyFr,
        uses: existing?.uses ?? 0,
      };
      repo.putSavedReply(reply, clock.now());
      return reply;
    },
    deleteReply: (id) => ({ deleted: repo.deleteSavedReply(id) }),
    useReply(id, conversationId, lang) {
      const reply = repo.savedReply(id);
      if (!reply) throw new RoostError('not_found', 'No such saved reply.');
      const c = mustGet(conversationId);
      const account = deps.accounts().find((a) => a.id === c.accountId);
      const body = lang === 'fr' ? reply.bodyFr || reply.bodyEn : reply.bodyEn || reply.bodyFr;
      repo.countUse(id);
      return {
        text: fillReply(body, {
          'contact.name': contactName(c.contact),
          'contact.handle': `@${c.contact.handle}`,
          'account.handle': account ? `@${account.handle}` : '',
        }),
      };
    },
    tick,
  };
}
