// Replying to a conversation as its brand account. The collision guard first: if the contact wrote, or a
// colleague noted or replied, after this draft began, nothing is sent and the expert is shown what arrived.
// Otherwise the reply takes the brand service's own publish path (brandPosts:submit: the guards, the member's
// access to the account, approvals for limited members and publish-with-approval access, the exactly-once
// outbox) as a reply to the contact's latest message, and the conversation records it: the response clocks
// are met, and an unowned conversation becomes the replier's.
import { ulid } from 'ulid';
import { applyAction } from '../../src-shared/desk/conversation.ts';
import { lastInbound, replyPostFor } from '../../src-shared/desk/reply-post.ts';
import { meetClock } from '../../src-shared/desk/sla.ts';
import { TeamFailure } from '../../src-shared/team/team-contract.ts';
import { brandHandlers } from '../brand/brand-handlers.ts';
import { requireCaller, type TeamHandlers } from '../handlers/context.ts';
import { addDeskMessage, deskMessages, saveConversation, toDeskMessage } from './desk-store.ts';
import { changesAfter } from './desk-note-handlers.ts';
import { deskPolicy, visibleConversation } from './desk-work-access.ts';
import { findBrandAccount } from '../brand/brand-records.ts';

export const deskReplyHandler: Pick<TeamHandlers, 'conversations:reply'> = {
  async 'conversations:reply'(input, ctx, deps) {
    const caller = requireCaller(ctx);
    const record = await visibleConversation(ctx, caller, input.id, 'work');
    if (!input.sendAnyway) {
      const changes = await changesAfter(ctx.db, record.id, input.draftStartedAt, caller.memberId);
      if (changes.length > 0) return { outcome: 'held', changes };
    }
    const messages = await deskMessages(ctx.db, record.id);
    const latest = lastInbound(messages.map(toDeskMessage));
    if (!latest) throw new TeamFailure('invalid_input', 'This conversation has no message to answer');
    const account = await findBrandAccount(ctx.db, record.accountId);
    if (!account) throw new TeamFailure('not_found', 'The brand account of this conversation was removed');
    const { replyTo } = replyPostFor(latest, account.id, input.text);
    const post = await brandHandlers['brandPosts:submit'](
      {
        accountId: account.id,
        text: input.text,
        replyTo,
        language: record.lang,
        ...(input.acknowledged ? { acknowledged: input.acknowledged } : {}),
      },
      ctx,
      deps,
    );
    await ctx.db.run('UPDATE brand_posts SET conversation_id = ? WHERE id = ?', [record.id, post.id]);
    // The reply is part of the conversation at once (other experts' collision guards see it); it is the
    // brand post that says whether the network has it yet.
    await addDeskMessage(ctx.db, {
      id: `post:${post.id}`,
      conversationId: record.id,
      accountId: account.id,
      status: 'held',
      direction: 'out',
      network: account.network,
      remoteId: '',
      actionRef: null,
      authorHandle: account.handle,
      text: input.text,
      url: null,
      createdAt: ctx.now,
      receivedAt: ctx.now,
    });
    const policy = await deskPolicy(ctx.db);
    const life =
      record.life.ownerId === null && record.life.state !== 'resolved'
        ? applyAction(record.life, { kind: 'assign', ownerId: caller.memberId }, ctx.now)
        : record.life;
    const summary = await saveConversation(
      ctx.db,
      {
        ...record,
        life,
        // Answering meets the first or next response clock; the resolution clock runs on.
        clocks: record.clocks.map((clock) =>
          clock.kind === 'resolution' ? clock : meetClock(clock, ctx.now),
        ),
        waitingSince: life.ownerId === null ? record.waitingSince : null,
        lastMessageAt: ctx.now,
        version: record.version + 1,
      },
      {
        event: 'replied',
        detail: { postId: post.id, state: post.state },
        actorId: caller.memberId,
        at: ctx.now,
        policy,
        eventId: ulid(ctx.now),
      },
    );
    await ctx.audit({
      action: 'conversations:reply',
      target: record.id,
      before: { version: record.version },
      after: { version: summary.version, postId: post.id, sendAnyway: input.sendAnyway },
    });
    ctx.afterCommit(() => deps.feed.wake());
    return { outcome: 'sent', post, summary };
  },
};
