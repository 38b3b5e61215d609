// Internal notes with @mentions, what changed in a conversation since a moment, and who is in it right now.
// A note is written to desk_notes and the feed only: nothing here reaches the brand outbox or a connector,
// so a note cannot leave the team (tests/server/desk-work-notes.test.ts tries every path).
import { ulid } from 'ulid';
import type { DeskChange } from '../../src-shared/contract/desk-contract.ts';
import { PRESENCE_TTL_MS, type TeamNote } from '../../src-shared/desk/desk-team-contract.ts';
import { TeamFailure } from '../../src-shared/team/team-contract.ts';
import type { SqlExecutor } from '../storage/sql-engine.ts';
import { requireCaller, type TeamHandlers } from '../handlers/context.ts';
import { addDeskEvent, addDeskNote, deskMessages, deskNotes } from './desk-store.ts';
import { activeMembers, visibleConversation } from './desk-work-access.ts';

type NoteMethods = 'conversations:addNote' | 'conversations:changesSince' | 'conversations:presence';

const EXCERPT = 300;

/**
 * Messages, replies and notes the desk learnt of after `since` (by when the server recorded them, not the
 * network's clock), oldest first. `exceptNotesBy`: a member's own notes are no news to them.
 */
export async function changesAfter(
  db: SqlExecutor,
  conversationId: string,
  since: number,
  exceptNotesBy: string | null = null,
): Promise<DeskChange[]> {
  const changes: DeskChange[] = [];
  for (const m of await deskMessages(db, conversationId)) {
    const at = m.receivedAt ?? m.createdAt;
    if (at > since) {
      changes.push({
        kind: m.direction === 'in' ? 'message' : 'reply',
        at,
        excerpt: m.text.slice(0, EXCERPT),
      });
    }
  }
  for (const note of await deskNotes(db, conversationId)) {
    if (note.createdAt > since && note.authorId !== exceptNotesBy) {
      changes.push({ kind: 'note', at: note.createdAt, excerpt: note.text.slice(0, EXCERPT) });
    }
  }
  return changes.sort((a, b) => a.at - b.at).slice(-200);
}

export const deskNoteHandlers: Pick<TeamHandlers, NoteMethods> = {
  async 'conversations:addNote'(input, ctx, deps) {
    const caller = requireCaller(ctx);
    const record = await visibleConversation(ctx, caller, input.id, 'work');
    const mentions = [...new Set(input.mentions)];
    const members = await activeMembers(ctx, [caller.memberId, ...mentions]);
    const unknown = mentions.filter((id) => !members.has(id));
    if (unknown.length > 0) {
      throw new TeamFailure(
        'invalid_input',
        `Only team members can be mentioned (not ${unknown.join(', ')})`,
        {
          issues: [{ path: 'mentions', message: 'not a member of the team' }],
        },
      );
    }
    const note: TeamNote = {
      id: ulid(ctx.now),
      conversationId: record.id,
      authorId: caller.memberId,
      authorName: members.get(caller.memberId) ?? '',
      text: input.text,
      mentions,
      createdAt: ctx.now,
    };
    // The change carries authorId, mentions, conversationId and accountId: desktops notify only the mentioned.
    await addDeskNote(ctx.db, note, record.accountId);
    await addDeskEvent(ctx.db, {
      id: ulid(ctx.now),
      conversationId: record.id,
      kind: 'note',
      actorId: caller.memberId,
      detail: { noteId: note.id, mentions },
      at: ctx.now,
    });
    await ctx.audit({ action: 'conversations:addNote', target: note.id, before: null, after: { mentions } });
    ctx.afterCommit(() => deps.feed.wake());
    return note;
  },

  async 'conversations:changesSince'(input, ctx) {
    const caller = requireCaller(ctx);
    const record = await visibleConversation(ctx, caller, input.id);
    return changesAfter(ctx.db, record.id, input.since);
  },

  async 'conversations:presence'(input, ctx, deps) {
    const caller = requireCaller(ctx);
    const record = await visibleConversation(ctx, caller, input.id);
    const name = (await activeMembers(ctx, [caller.memberId])).get(caller.memberId) ?? '';
    deps.feed.announcePresence({
      conversationId: record.id,
      accountId: record.accountId,
      memberId: caller.memberId,
      displayName: name,
      activity: input.activity,
      expiresAt: ctx.now + PRESENCE_TTL_MS,
    });
    return deps.feed.presenceOf(record.id);
  },
};
