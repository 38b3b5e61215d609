// Which feed changes deserve a desktop notification for this member, and nothing else: a conversation newly
// assigned to them, and a note that @mentions them. A re-delivered change, a change to someone else's
// conversation, a note that mentions others or the member's own note never notify.
import { TeamConversationSchema, TeamNoteSchema } from '../../../src-shared/desk/desk-team-contract.ts';
import type { TeamDeskNotification } from '../../../src-shared/contract/team-inbox-contract.ts';
import type { TeamChange } from '../../../src-shared/team/team-feed.ts';
import type { CachedRecord } from '../team-cache.ts';

/**
 * @param previous the cached record before this change was applied (null: the cache had none).
 */
export function noticeFor(
  change: TeamChange,
  previous: CachedRecord | null,
  memberId: string,
): TeamDeskNotification | null {
  // The cache only moves forward: a change at or below the cached version brings nothing new.
  if (previous && change.version <= previous.version) return null;
  if (change.entity === 'conversation') {
    const now = TeamConversationSchema.safeParse({ ...change.data, version: change.version });
    if (!now.success || now.data.ownerId !== memberId) return null;
    if (now.data.state === 'resolved') return null;
    if (previous && previous.data['ownerId'] === memberId) return null;
    // The member assigned it to themselves (claim): they know already.
    if (change.actorId === memberId) return null;
    return {
      kind: 'assigned',
      conversationId: now.data.id,
      who: now.data.contact.handle,
      excerpt: now.data.excerpt,
    };
  }
  if (change.entity === 'deskNote') {
    if (previous) return null;
    const note = TeamNoteSchema.safeParse(change.data);
    if (!note.success || note.data.authorId === memberId) return null;
    if (!note.data.mentions.includes(memberId)) return null;
    return {
      kind: 'mentioned',
      conversationId: note.data.conversationId,
      who: note.data.authorName,
      excerpt: note.data.text.slice(0, 500),
    };
  }
  return null;
}
