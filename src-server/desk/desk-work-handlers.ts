// Working conversations on the team server: moving them, notes with @mentions, the reply with its collision
// guard, presence and saved replies. Spread beside desk-core's methods in desk-team-handlers.ts.
import type { TeamHandlers } from '../handlers/context.ts';
import { deskActHandlers } from './desk-act-handlers.ts';
import { deskNoteHandlers } from './desk-note-handlers.ts';
import { deskReplyHandler } from './desk-reply-handler.ts';
import { deskSavedReplyHandlers } from './desk-saved-reply-handlers.ts';

export const deskWorkHandlers = {
  ...deskActHandlers,
  ...deskNoteHandlers,
  ...deskReplyHandler,
  ...deskSavedReplyHandlers,
} satisfies Partial<TeamHandlers>;
