// Which feed changes notify this member: an assignment to them by someone else (once, not on re-delivery,
// not when they claimed it, not when resolved), and a note that mentions them (not their own, not others').
import { describe, expect, it } from 'vitest';
import { noticeFor } from '../../../src-main/team/desk/team-desk-notices.ts';
import type { TeamChange } from '../../../src-shared/team/team-feed.ts';

const ME = '01JTEAM00000000000000GRACE';
const LEAD = '01JTEAM0000000000000000KE1';
const summary = (ownerId: string | null, state = 'open') => ({
  id: 'c1',
  accountId: 'acc',
  network: 'bluesky',
  contact: { id: 'did:plc:ada', handle: 'ada.test', displayName: 'Ada', avatarUrl: null },
  state,
  ownerId,
  ownerName: null,
  priority: 0,
  priorityReasons: [],
  skills: [],
  lang: 'en',
  excerpt: 'where is my parcel',
  createdAt: 1,
  lastMessageAt: 1,
  snoozedUntil: null,
  sla: null,
});
const change = (entity: TeamChange['entity'], data: Record<string, unknown>, version = 2, actorId = LEAD) =>
  ({ seq: 5, at: 1, actorId, entity, entityId: String(data['id']), version, data }) as TeamChange;
const cached = (data: Record<string, unknown>, version = 1) => ({ id: String(data['id']), version, data });

describe('team desk notifications', () => {
  it('notifies an assignment to me by someone else, once', () => {
    const assigned = change('conversation', summary(ME));
    expect(noticeFor(assigned, cached(summary(null)), ME)).toEqual({
      kind: 'assigned',
      conversationId: 'c1',
      who: 'ada.test',
      excerpt: 'where is my parcel',
    });
    expect(noticeFor(assigned, cached(summary(ME), 2), ME)).toBeNull(); // re-delivered
    expect(noticeFor(change('conversation', summary(ME), 3), cached(summary(ME), 2), ME)).toBeNull();
    expect(noticeFor(change('conversation', summary(ME), 2, ME), cached(summary(null)), ME)).toBeNull();
    expect(noticeFor(change('conversation', summary(LEAD)), cached(summary(null)), ME)).toBeNull();
    expect(noticeFor(change('conversation', summary(ME, 'resolved')), null, ME)).toBeNull();
  });

  it('notifies a note only to the member it mentions', () => {
    const note = (authorId: string, mentions: string[]) =>
      change(
        'deskNote',
        {
          id: '01JTEAMN000000000000000001',
          conversationId: 'c1',
          authorId,
          authorName: 'Linus',
          text: '@Grace yours?',
          mentions,
          createdAt: 1,
        },
        1,
      );
    expect(noticeFor(note(LEAD, [ME]), null, ME)).toMatchObject({ kind: 'mentioned', who: 'Linus' });
    expect(noticeFor(note(LEAD, [LEAD]), null, ME)).toBeNull();
    expect(noticeFor(note(ME, [ME]), null, ME)).toBeNull();
    expect(noticeFor(note(LEAD, [ME]), cached({ id: 'x' }), ME)).toBeNull();
  });
});
