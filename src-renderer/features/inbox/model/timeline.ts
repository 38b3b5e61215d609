// The conversation pane's thread: the contact's messages, the brand's replies and internal notes in one
// time order, so an expert reads what was said and what the team knew at each point.
import type { DeskMessage, DeskNote } from '../../../../src-shared/contract/desk-contract.ts';

export type TimelineEntry<N extends DeskNote = DeskNote> =
  | { readonly kind: 'message'; readonly at: number; readonly message: DeskMessage }
  | { readonly kind: 'note'; readonly at: number; readonly note: N };

/** Generic in the note, so a team's notes keep their author names. */
export function timelineOf<N extends DeskNote>(
  messages: readonly DeskMessage[],
  notes: readonly N[],
): TimelineEntry<N>[] {
  const entries: TimelineEntry<N>[] = [
    ...messages.map((message) => ({ kind: 'message' as const, at: message.createdAt, message })),
    ...notes.map((note) => ({ kind: 'note' as const, at: note.createdAt, note })),
  ];
  // Stable: at equal times a message stays before the note written about it.
  return entries.sort((a, b) => a.at - b.at);
}
