// Saved replies of the embedded desk: kept in en and fr, and filled with the conversation's contact and
// account when the expert uses one (the use is counted, so the most useful ones can be listed first).
import type { SavedReply } from '../../src-shared/contract/desk-contract.ts';
import { RoostError } from '../../src-shared/contract/errors.ts';
import { contactName, fillReply } from '../../src-shared/desk/saved-reply.ts';
import type { DeskContext } from './desk-context.ts';

export interface DeskSavedReplies {
  savedReplies(): SavedReply[];
  saveReply(input: { id: string | null; title: string; bodyEn: string; bodyFr: string }): SavedReply;
  deleteReply(id: string): { deleted: boolean };
  useReply(id: string, conversationId: string, lang: 'en' | 'fr'): { text: string };
}

export function createDeskSavedReplies(ctx: DeskContext): DeskSavedReplies {
  const { repo, clock } = ctx.deps;
  return {
    savedReplies: () => repo.savedReplies(),
    saveReply(input) {
      const existing = input.id ? repo.savedReply(input.id) : null;
      if (input.id && !existing) throw new RoostError('not_found', 'No such saved reply.');
      const reply: SavedReply = {
        id: existing?.id ?? ctx.deps.newId(),
        title: input.title,
        bodyEn: input.bodyEn,
        bodyFr: input.bodyFr,
        uses: existing?.uses ?? 0,
      };
      repo.putSavedReply(reply, clock.now());
      return reply;
    },
    deleteReply: (id) => ({ deleted: repo.deleteSavedReply(id) }),
    useReply(id, conversationId, lang) {
      const reply = repo.savedReply(id);
      if (!reply) throw new RoostError('not_found', 'No such saved reply.');
      const c = ctx.mustGet(conversationId);
      const account = ctx.deps.accounts().find((a) => a.id === c.accountId);
      const body = lang === 'fr' ? reply.bodyFr || reply.bodyEn : reply.bodyEn || reply.bodyFr;
      repo.countUse(id);
      return {
        text: fillReply(body, {
          'contact.name': contactName(c.contact),
          'contact.handle': `@${c.contact.handle}`,
          'account.handle': account ? `@${account.handle}` : '',
        }),
      };
    },
  };
}
