// The embedded inquiry desk of a team of one: turns the mentions, replies and quotes the user's accounts
// receive into conversations, keeps their states and SLA clocks, and records notes and sent replies. The
// rules are src-shared/desk's, the same a team server runs; only storage and the single expert ('me') are
// this host's. It holds no connector and no outbox: nothing here can publish, so a note cannot leave.
// Its parts: desk-context.ts (shared ports and steps), desk-ingest.ts (items → conversations), desk-state.ts
// (summaries, clocks, views), desk-sla-ticks.ts (wake-ups and SLA events), desk-saved-replies.ts.
import type { StreamItem } from '../../src-shared/domain/stream-item.ts';
import type { OutboxJob } from '../../src-shared/contract/publishing-contract.ts';
import {
  applyAction,
  DeskTransitionError,
  type ConversationLife,
} from '../../src-shared/desk/conversation.ts';
import { meetClock, startClock, tierFor } from '../../src-shared/desk/sla.ts';
import type {
  ConversationDetail,
  ConversationSummary,
  DeskActionInput,
  DeskChange,
  DeskNote,
  DeskView,
} from '../../src-shared/contract/desk-contract.ts';
import { RoostError } from '../../src-shared/contract/errors.ts';
import { createDeskContext, SOLO_EXPERT, type DeskServiceDeps } from './desk-context.ts';
import { ingestOne } from './desk-ingest.ts';
import { createDeskSavedReplies, type DeskSavedReplies } from './desk-saved-replies.ts';
import { createDeskTicker } from './desk-sla-ticks.ts';
import { bySlaAndPriority, clocksFor, inView, statesOf, summarise, toAction } from './desk-state.ts';

export { SOLO_EXPERT, type DeskServiceDeps } from './desk-context.ts';

export interface DeskService extends DeskSavedReplies {
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
  tick(): void;
}

export function createDeskService(deps: DeskServiceDeps): DeskService {
  const ctx = createDeskContext(deps);
  const { repo, store, clock } = deps;
  const { policy } = ctx;
  const ticker = createDeskTicker(ctx);

  function list(view: DeskView, limit = 5_000): ConversationSummary[] {
    const now = clock.now();
    const rows = repo.inStates(statesOf[view], view === 'resolved' ? limit : 100_000);
    const shown = rows.map((c) => summarise(c, now, policy())).filter(inView[view]);
    if (view === 'resolved') return shown.sort((a, b) => b.lastMessageAt - a.lastMessageAt).slice(0, limit);
    return shown.sort(bySlaAndPriority).slice(0, limit);
  }

  return {
    start: ticker.start,
    tick: ticker.tick,
    ...createDeskSavedReplies(ctx),

    ingest(accountId, items) {
      const account = deps.accounts().find((a) => a.id === accountId);
      if (!account) return [];
      const now = clock.now();
      const ids: string[] = [];
      store.transaction(() => {
        // Oldest first, so a reply finds the conversation its parent opened in the same batch.
        for (const item of [...items].reverse()) {
          const id = ingestOne(ctx, account, item, now);
          if (id) ids.push(id);
        }
      });
      ctx.noteChanged(ids);
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
          ctx.save({ ...c, life, clocks, lastMessageAt: now }, 'replied', { jobId: job.id }, now);
          changed.push(c.id);
        }
      });
      ctx.noteChanged(changed);
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
      const c = ctx.mustGet(id);
      const now = clock.now();
      return {
        summary: summarise(c, now, policy()),
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
          .map((other) => summarise(other, now, policy())),
      };
    },

    act(id, input) {
      const now = clock.now();
      return store.transaction(() => {
        const c = ctx.mustGet(id);
        let life: ConversationLife;
        try {
          life = applyAction(c.life, toAction(input), now);
        } catch (error) {
          if (error instanceof DeskTransitionError) throw new RoostError('invalid_input', error.message);
          throw error;
        }
        let clocks = clocksFor(c.life, life, c.clocks, now, policy());
        if (input.kind === 'reopen') clocks = [startClock('resolution', tierFor(policy(), c.priority), now)];
        const next = { ...c, life, clocks };
        ctx.save(next, input.kind, input, now);
        ctx.noteChanged([id]);
        return summarise(next, now, policy());
      });
    },

    addNote(id, text) {
      const now = clock.now();
      const note: DeskNote = { id: deps.newId(), text, createdAt: now };
      store.transaction(() => {
        ctx.mustGet(id);
        repo.addNote(id, note);
        repo.addEvent(id, 'note', { noteId: note.id }, now);
      });
      ctx.noteChanged([id]);
      return note;
    },

    changesSince(id, since) {
      ctx.mustGet(id);
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
        const c = ctx.mustGet(id);
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
        return summarise(c, now, policy());
      });
    },
  };
}
