// Who is viewing or replying to which conversation, held in memory only (presence is never stored). Each
// entry lasts PRESENCE_TTL_MS unless renewed; desktops renew it while the pane is open, so a crashed desktop's
// presence fades on its own. On PostgreSQL every process keeps its own registry, fed by its own calls and by
// the other processes' announcements (feed/cluster-feed.ts).
import { PRESENCE_TTL_MS, type Presence } from '../../src-shared/desk/desk-team-contract.ts';

export interface PresenceRegistry {
  /** Records (or, with a null activity, ends) a member's presence on a conversation. */
  record(presence: Presence): void;
  /** The conversation's presences that have not expired, oldest first. */
  of(conversationId: string): Presence[];
}

export function createPresenceRegistry(now: () => number = Date.now): PresenceRegistry {
  const byConversation = new Map<string, Map<string, Presence>>();
  const live = (conversationId: string): Map<string, Presence> | null => {
    const members = byConversation.get(conversationId);
    if (!members) return null;
    const at = now();
    for (const [memberId, presence] of members) if (presence.expiresAt <= at) members.delete(memberId);
    if (members.size === 0) {
      byConversation.delete(conversationId);
      return null;
    }
    return members;
  };
  return {
    record(presence) {
      // Expired entries of conversations nobody asks about again are swept here, so memory stays bounded.
      for (const conversationId of [...byConversation.keys()]) live(conversationId);
      const members = live(presence.conversationId) ?? new Map<string, Presence>();
      members.delete(presence.memberId);
      if (presence.activity !== null && presence.expiresAt > now()) members.set(presence.memberId, presence);
      if (members.size > 0) byConversation.set(presence.conversationId, members);
      else byConversation.delete(presence.conversationId);
    },
    of(conversationId) {
      return [...(live(conversationId)?.values() ?? [])];
    },
  };
}

/** A presence from now, for the TTL. */
export function presenceUntil(now: number): number {
  return now + PRESENCE_TTL_MS;
}
