// Conversation keys and state moves: a contact's reply wakes pending and snoozed conversations, a reply to a
// resolved one reopens it, and expert actions refuse moves the desk does not allow.
import { describe, expect, test } from 'vitest';
import {
  applyAction,
  conversationKey,
  DeskTransitionError,
  onContactMessage,
  threadIdFor,
  wakeIfDue,
  type ConversationLife,
} from '../../../../src-shared/desk/conversation.ts';

const life = (state: ConversationLife['state'], ownerId: string | null = null): ConversationLife => ({
  state,
  ownerId,
  snoozedUntil: state === 'snoozed' ? 5_000 : null,
});

describe('keys', () => {
  test('brand account, contact and thread each change the key, and no join can collide', () => {
    const k = conversationKey('acc1', 'did:plc:alice', 'at://x/1');
    expect(conversationKey('acc2', 'did:plc:alice', 'at://x/1')).not.toBe(k);
    expect(conversationKey('acc1', 'did:plc:bob', 'at://x/1')).not.toBe(k);
    expect(conversationKey('acc1', 'did:plc:alice', 'at://x/2')).not.toBe(k);
    expect(conversationKey('a b', 'c', 'd')).not.toBe(conversationKey('a', 'b c', 'd'));
  });

  test('a reply joins the thread of the message it answers; a fresh mention starts one', () => {
    const known = new Map([['at://brand/reply1', 'at://alice/root']]);
    const lookup = (id: string) => known.get(id) ?? null;
    expect(threadIdFor({ remoteId: 'at://alice/root', replyToRemoteId: null }, lookup)).toBe(
      'at://alice/root',
    );
    expect(threadIdFor({ remoteId: 'at://alice/2', replyToRemoteId: 'at://brand/reply1' }, lookup)).toBe(
      'at://alice/root',
    );
    expect(threadIdFor({ remoteId: 'at://alice/3', replyToRemoteId: 'at://brand/post' }, lookup)).toBe(
      'at://brand/post',
    );
  });
});

describe("a contact's message", () => {
  test('moves pending back to open (owned) or new (unowned)', () => {
    expect(onContactMessage(life('pending', 'me')).life.state).toBe('open');
    expect(onContactMessage(life('pending')).life.state).toBe('new');
  });

  test('wakes a snoozed conversation and clears its time', () => {
    const { life: woke } = onContactMessage(life('snoozed', 'me'));
    expect(woke).toEqual({ state: 'open', ownerId: 'me', snoozedUntil: null });
  });

  test('reopens a resolved conversation and says so', () => {
    expect(onContactMessage(life('resolved', 'me'))).toEqual({
      life: { state: 'open', ownerId: 'me', snoozedUntil: null },
      reopened: true,
    });
    expect(onContactMessage(life('open', 'me')).reopened).toBe(false);
  });
});

describe('expert actions', () => {
  test('assigning a new conversation opens it; unassigning an open one makes it new', () => {
    const open = applyAction(life('new'), { kind: 'assign', ownerId: 'me' }, 0);
    expect(open).toMatchObject({ state: 'open', ownerId: 'me' });
    expect(applyAction(open, { kind: 'unassign' }, 0)).toMatchObject({ state: 'new', ownerId: null });
  });

  test('pending, snooze and resolve', () => {
    expect(applyAction(life('open', 'me'), { kind: 'pending' }, 0).state).toBe('pending');
    expect(applyAction(life('open', 'me'), { kind: 'snooze', until: 10 }, 0)).toMatchObject({
      state: 'snoozed',
      snoozedUntil: 10,
    });
    expect(applyAction(life('pending', 'me'), { kind: 'resolve' }, 0).state).toBe('resolved');
  });

  test('refused moves throw a typed error', () => {
    expect(() => applyAction(life('resolved'), { kind: 'resolve' }, 0)).toThrow(DeskTransitionError);
    expect(() => applyAction(life('open'), { kind: 'snooze', until: 5 }, 10)).toThrow(/cannot snooze/);
    expect(() => applyAction(life('open'), { kind: 'reopen' }, 0)).toThrow(DeskTransitionError);
    expect(applyAction(life('resolved', 'me'), { kind: 'reopen' }, 0).state).toBe('open');
  });

  test('a snooze ends at its time, not before', () => {
    expect(wakeIfDue(life('snoozed', 'me'), 4_999).state).toBe('snoozed');
    expect(wakeIfDue(life('snoozed', 'me'), 5_000).state).toBe('open');
    expect(wakeIfDue(life('snoozed'), 6_000).state).toBe('new');
  });
});
