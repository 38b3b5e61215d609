// Turns what the user's accounts receive (mentions, replies, quotes, direct messages) into conversations:
// one per contact and thread, scored for priority and skills, with SLA clocks started, paused or reopened as
// the contact writes again. Items the desk has already filed, or from before it ran, are left alone.
import type { Account } from '../../src-shared/domain/account.ts';
import type { StreamItem } from '../../src-shared/domain/stream-item.ts';
import { conversationKey, onContactMessage, threadIdFor } from '../../src-shared/desk/conversation.ts';
import { scorePriority, type PriorityReason } from '../../src-shared/desk/priority.ts';
import { requiredSkills } from '../../src-shared/desk/routing.ts';
import { pauseClock, startClock, tierFor } from '../../src-shared/desk/sla.ts';
import type { DeskContext } from './desk-context.ts';
import type { StoredConversation, StoredMessage } from './desk-repository.ts';
import { clocksFor } from './desk-state.ts';

/** Message kinds that are someone writing to the account. */
const INQUIRY_KINDS: ReadonlySet<StreamItem['kind']> = new Set(['mention', 'reply', 'quote', 'dm']);
/** The contact's words kept per conversation for scoring: enough for every rule, bounded for storage. */
const MAX_INBOUND_TEXT = 4_000;
/** Mentions older than this before the desk first ran are history, not inquiries. */
const HISTORY_GRACE_MS = 24 * 3_600_000;

const reasonText = (r: PriorityReason) => (r.kind === 'term' ? `term:${r.text}` : r.kind);

/** Files one received item: a new conversation, a message in an open one, or nothing (not an inquiry). */
export function ingestOne(ctx: DeskContext, account: Account, item: StreamItem, now: number): string | null {
  const { deps, policy } = ctx;
  const { repo } = deps;
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
    let clocks = clocksFor(existing.life, moved.life, existing.clocks, now, policy());
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
  ctx.save(conversation, event, { messageId }, now);
  repo.addMessage(message);
  return conversation.id;
}
