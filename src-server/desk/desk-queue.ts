// Whether a conversation waits in the holding queue, and since when. It waits while nobody owns it and it is
// new; a reopened conversation also waits (with its owner) until routing checks the owner can take it back.
import type { ConversationLife } from '../../src-shared/desk/conversation.ts';

export function queueState(
  life: ConversationLife,
  waitingSince: number | null,
  now: number,
  reopened: boolean,
): number | null {
  if (reopened && life.ownerId !== null) return now;
  if (life.state === 'new' && life.ownerId === null) return waitingSince ?? now;
  return null;
}
