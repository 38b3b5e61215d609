// The conversation pane's thread: the contact's messages, the brand's replies and internal notes in one
// time order, so an expert reads what was said and what the team knew at each point.
import type { DeskMessage, DeskNote } from '../../../../src-shared/contract/desk-contract.ts';

export type TimelineEntry =
  | { readonly kind: 'message'; readonly at: number; readonly message: DeskMessage }
  | { readonly kind: 'note'; readonly at: number; readonly note: DeskNote };

export function timelineOf(messages: readonly DeskMessage[], notes: readonly DeskNote[]): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...messages.map((message) => ({ kind: 'message' as const, at: message.createdAt, message })),
    ...notes.map((note) => ({ kind: 'note' as const, at: note.createdAt, note })),
  ];
  // Stable: at equal times a message stays before the note written about it.
  return entries.sort((a, b) => a.at - b.at);
}
