// Conversations of the inquiry desk and how their state moves. Pure: the embedded desk in main and the team
// server apply the same transitions and differ only in where they store the result.

export const CONVERSATION_STATES = ['new', 'open', 'pending', 'snoozed', 'resolved'] as const;
export type ConversationState = (typeof CONVERSATION_STATES)[number];

/** What the desk knows of a conversation's lifecycle; everything else (messages, notes) lives beside it. */
export type ConversationLife = {
  readonly state: ConversationState;
  /** The expert it is assigned to; null while unassigned. */
  readonly ownerId: string | null;
  /** Until when a snoozed conversation sleeps (epoch ms). */
  readonly snoozedUntil: number | null;
};

/**
 * One conversation per brand account, contact and thread. The parts are joined with a separator no handle,
 * DID or URI contains, so two different triples can never produce the same key.
 */
export function conversationKey(brandAccountId: string, contactId: string, threadId: string): string {
  return [brandAccountId, contactId, threadId].map((part) => encodeURIComponent(part)).join(' ');
}

/**
 * The thread a message belongs to: the thread of the message it answers when the desk knows it, otherwise
 * the message it answers, otherwise itself (a fresh mention starts a thread).
 */
export function threadIdFor(
  message: { readonly remoteId: string; readonly replyToRemoteId: string | null },
  knownThreadOf: (remoteId: string) => string | null,
): string {
  if (message.replyToRemoteId === null) return message.remoteId;
  return knownThreadOf(message.replyToRemoteId) ?? message.replyToRemoteId;
}

export type LifeChange = { readonly life: ConversationLife; readonly reopened: boolean };

/**
 * A message from the contact arrived. Pending and snoozed conversations wake; a resolved one reopens —
 * with its owner if it had one (routing decides separately whether the owner can take it back).
 */
export function onContactMessage(life: ConversationLife): LifeChange {
  const awake = life.ownerId ? 'open' : 'new';
  switch (life.state) {
    case 'new':
    case 'open':
      return { life, reopened: false };
    case 'pending':
    case 'snoozed':
      return { life: { ...life, state: awake, snoozedUntil: null }, reopened: false };
    case 'resolved':
      return { life: { ...life, state: awake, snoozedUntil: null }, reopened: true };
  }
}

export type DeskAction =
  | { readonly kind: 'assign'; readonly ownerId: string }
  | { readonly kind: 'unassign' }
  | { readonly kind: 'pending' }
  | { readonly kind: 'snooze'; readonly until: number }
  | { readonly kind: 'resolve' }
  | { readonly kind: 'reopen' };

export class DeskTransitionError extends Error {
  readonly from: ConversationState;
  readonly action: DeskAction['kind'];
  constructor(from: ConversationState, action: DeskAction['kind']) {
    super(`a ${from} conversation cannot ${action}`);
    this.name = 'DeskTransitionError';
    this.from = from;
    this.action = action;
  }
}

/** An expert's action; throws DeskTransitionError for a move the desk does not allow. */
export function applyAction(life: ConversationLife, action: DeskAction, now: number): ConversationLife {
  const refuse = (): never => {
    throw new DeskTransitionError(life.state, action.kind);
  };
  switch (action.kind) {
    case 'assign':
      if (life.state === 'resolved') refuse();
      return { ...life, ownerId: action.ownerId, state: life.state === 'new' ? 'open' : life.state };
    case 'unassign':
      if (life.state === 'resolved') refuse();
      return { ...life, ownerId: null, state: life.state === 'open' ? 'new' : life.state };
    case 'pending':
      if (life.state === 'resolved') refuse();
      return { ...life, state: 'pending', snoozedUntil: null };
    case 'snooze':
      if (life.state === 'resolved' || action.until <= now) refuse();
      return { ...life, state: 'snoozed', snoozedUntil: action.until };
    case 'resolve':
      if (life.state === 'resolved') refuse();
      return { ...life, state: 'resolved', snoozedUntil: null };
    case 'reopen':
      if (life.state !== 'resolved') refuse();
      return { ...life, state: life.ownerId ? 'open' : 'new' };
  }
}

/** A snoozed conversation whose time has come wakes as if the contact had written. */
export function wakeIfDue(life: ConversationLife, now: number): ConversationLife {
  if (life.state !== 'snoozed' || life.snoozedUntil === null || life.snoozedUntil > now) return life;
  return { ...life, state: life.ownerId ? 'open' : 'new', snoozedUntil: null };
}
