// Saved replies on the team server: kept in en and fr, shared by the whole team (leads write them, anyone who
// works conversations uses them), filled with the conversation's contact and brand account when used, and
// counted so the most useful are listed first. The filling rules are the desktop's (saved-reply.ts).
import { ulid } from 'ulid';
import type { SavedReply } from '../../src-shared/contract/desk-contract.ts';
import { contactName, fillReply } from '../../src-shared/desk/saved-reply.ts';
import { TeamFailure } from '../../src-shared/team/team-contract.ts';
import { findBrandAccount } from '../brand/brand-records.ts';
import { requireCaller, type TeamHandlers } from '../handlers/context.ts';
import {
  countSavedReplyUse,
  deleteSavedReply,
  findSavedReply,
  listSavedReplies,
  saveSavedReply,
} from './desk-store.ts';
import { visibleConversation } from './desk-work-access.ts';

type SavedReplyMethods =
  'savedReplies:list' | 'savedReplies:save' | 'savedReplies:delete' | 'savedReplies:use';

const publicPart = ({ version: _version, ...reply }: SavedReply & { version: number }): SavedReply => reply;

export const deskSavedReplyHandlers: Pick<TeamHandlers, SavedReplyMethods> = {
  async 'savedReplies:list'(_input, ctx) {
    requireCaller(ctx);
    return (await listSavedReplies(ctx.db)).map(publicPart);
  },

  async 'savedReplies:save'(input, ctx, deps) {
    const caller = requireCaller(ctx);
    const before = input.id ? await findSavedReply(ctx.db, input.id) : null;
    if (input.id && !before) throw new TeamFailure('not_found', 'No such saved reply');
    const { title, bodyEn, bodyFr } = input;
    const saved = await saveSavedReply(
      ctx.db,
      { id: before?.id ?? ulid(ctx.now), title, bodyEn, bodyFr },
      caller.memberId,
      ctx.now,
    );
    await ctx.audit({ action: 'savedReplies:save', target: saved.id, before, after: saved });
    ctx.afterCommit(() => deps.feed.wake());
    return publicPart(saved);
  },

  async 'savedReplies:delete'(input, ctx, deps) {
    const caller = requireCaller(ctx);
    const before = await findSavedReply(ctx.db, input.id);
    const deleted = await deleteSavedReply(ctx.db, input.id, caller.memberId, ctx.now);
    if (deleted) {
      await ctx.audit({ action: 'savedReplies:delete', target: input.id, before, after: null });
      ctx.afterCommit(() => deps.feed.wake());
    }
    return { deleted };
  },

  async 'savedReplies:use'(input, ctx) {
    const caller = requireCaller(ctx);
    const reply = await findSavedReply(ctx.db, input.id);
    if (!reply) throw new TeamFailure('not_found', 'No such saved reply');
    const conversation = await visibleConversation(ctx, caller, input.conversationId);
    const account = await findBrandAccount(ctx.db, conversation.accountId);
    // An empty body in the asked language falls back to the other one rather than inserting nothing.
    const body = input.lang === 'fr' ? reply.bodyFr || reply.bodyEn : reply.bodyEn || reply.bodyFr;
    await countSavedReplyUse(ctx.db, reply.id);
    return {
      text: fillReply(body, {
        'contact.name': contactName(conversation.contact),
        'contact.handle': `@${conversation.contact.handle}`,
        'account.handle': account ? `@${account.handle}` : '',
      }),
    };
  },
};
