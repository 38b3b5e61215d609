// An in-memory desk behind main's real router, for Inbox component tests: conversations, notes and saved
// replies as main would answer them, a guarded path that needs no confirmation, and every call recorded.
// The desk's real rules are tested in Node against SQLite (tests/unit/desk) and the local network.
import type { Handlers } from '../../../src-main/rpc/router.ts';
import { RoostError } from '../../../src-shared/contract/errors.ts';
import type {
  ConversationDetail,
  ConversationSummary,
  DeskChange,
  DeskView,
} from '../../../src-shared/contract/desk-contract.ts';
import type { OutboxJob } from '../../../src-shared/contract/publishing-contract.ts';

export const NOW = Date.now();

export function conversation(id: string, over: Partial<ConversationSummary> = {}): ConversationSummary {
  return {
    id,
    accountId: 'acc-1',
    network: 'bluesky',
    contact: { id: `did:plc:${id}`, handle: `${id}.test`, displayName: id.toUpperCase(), avatarUrl: null },
    state: 'new',
    ownerId: null,
    priority: 0,
    priorityReasons: [],
    skills: [],
    lang: 'en',
    excerpt: `question from ${id}`,
    createdAt: NOW - 60_000,
    lastMessageAt: NOW - 60_000,
    snoozedUntil: null,
    sla: { clock: 'first_response', state: 'ok', deadline: NOW + 3 * 3_600_000 },
    ...over,
  };
}

export function createDeskDouble(summaries: ConversationSummary[]) {
  const calls: { method: string; input: unknown }[] = [];
  const notes = new Map<string, { id: string; text: string; createdAt: number }[]>();
  let changes: DeskChange[] = [];
  const record = (method: string, input: unknown) => calls.push({ method, input });
  const detail = (id: string): ConversationDetail => {
    const summary = summaries.find((s) => s.id === id);
    if (!summary) throw new RoostError('not_found', 'No such conversation.');
    return {
      summary,
      messages: [
        {
          id: `m-${id}`,
          direction: 'in',
          network: 'bluesky',
          remoteId: `at://did:plc:${id}/app.bsky.feed.post/1`,
          actionRef: 'bafycid',
          authorHandle: summary.contact.handle,
          text: summary.excerpt,
          url: null,
          createdAt: summary.createdAt,
        },
      ],
      notes: notes.get(id) ?? [],
      history: [],
    };
  };
  const inView = (view: DeskView, s: ConversationSummary) =>
    view === 'unassigned' ? s.state === 'new' : view === 'mine' ? s.ownerId === 'me' : s.state === view;

  const handlers: Partial<Handlers> = {
    'desk:list': (input) => summaries.filter((s) => inView(input.view, s)),
    'desk:counts': () => ({
      mine: summaries.filter((s) => inView('mine', s)).length,
      unassigned: summaries.filter((s) => inView('unassigned', s)).length,
      pending: 0,
      snoozed: 0,
      resolved: 0,
      breaching: 0,
    }),
    'desk:conversation': (input) => detail(input.id),
    'desk:act': (input) => {
      record('desk:act', input);
      return detail(input.id).summary;
    },
    'desk:addNote': (input) => {
      record('desk:addNote', input);
      const note = { id: `n${calls.length}`, text: input.text, createdAt: Date.now() };
      notes.set(input.id, [...(notes.get(input.id) ?? []), note]);
      return note;
    },
    'desk:changesSince': (input) => {
      record('desk:changesSince', input);
      return changes;
    },
    'desk:recordReply': (input) => {
      record('desk:recordReply', input);
      return detail(input.id).summary;
    },
    'desk:savedReplies': () => [
      { id: 'r1', title: 'Thanks', bodyEn: 'Thank you {contact.name}', bodyFr: 'Merci', uses: 0 },
    ],
    'desk:useReply': (input) => {
      record('desk:useReply', input);
      return { text: input.lang === 'fr' ? 'Merci' : 'Thank you A' };
    },
    'publish:preflight': (input) => {
      record('publish:preflight', input);
      return { digest: 'sha256:x', decisions: [], typeHandleFor: [], acknowledge: [], blocked: false };
    },
    'outbox:submit': (input) => {
      record('outbox:submit', input);
      const now = new Date().toISOString();
      const job: OutboxJob = {
        id: 'job-1',
        batchId: 'batch-1',
        draftId: null,
        accountId: 'acc-1',
        network: 'bluesky',
        action: 'post',
        subjectId: input.post.replyTo?.remoteId ?? null,
        state: 'queued',
        text: input.post.targets[0]?.text ?? '',
        scheduledAt: null,
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
      };
      return { jobs: [job] };
    },
  };
  return {
    handlers,
    calls: (method: string) => calls.filter((c) => c.method === method).map((c) => c.input),
    setChanges(next: DeskChange[]) {
      changes = next;
    },
  };
}
