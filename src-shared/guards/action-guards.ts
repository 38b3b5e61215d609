// Guards for reposts, unreposts and deletes. Only the rules about the account apply (there is no text to
// check): a protected account needs its handle typed, and a repost during quiet hours needs confirming,
// as a post would. The rules are the composer's own, run on the action's account.
import type { ContentAction } from '../compose/content-action.ts';
import type { OutgoingPost } from '../compose/post.ts';
import { protectedAccountRule } from './account-rules.ts';
import { evaluateGuards, type GuardRule } from './evaluate.ts';
import { quietHoursRule } from './quiet-hours.ts';
import type { GuardContext, GuardDecision } from './types.ts';

const VERB: Record<ContentAction['kind'], string> = {
  repost: 'repost',
  unrepost: 'undo a repost',
  delete: 'delete a post',
};

/** The account the action speaks as, in the shape the account rules read. */
function asPost(action: ContentAction): OutgoingPost {
  return {
    targets: [
      {
        accountId: action.accountId,
        network: action.item.network,
        text: '',
        contentWarning: null,
        media: [],
      },
    ],
    replyTo: null,
    quote: null,
    scheduledAt: null,
  };
}

export function evaluateActionGuards(action: ContentAction, ctx: GuardContext): GuardDecision[] {
  // Undoing or deleting silences the account; only adding a repost speaks during quiet hours.
  const rules: GuardRule[] =
    action.kind === 'repost' ? [protectedAccountRule, quietHoursRule] : [protectedAccountRule];
  return evaluateGuards(asPost(action), ctx, rules).map((d) =>
    d.guard === 'protected-account' && d.detail.guard === 'protected-account'
      ? {
          ...d,
          message: `@${d.detail.handle} is a protected account: type its handle to ${VERB[action.kind]}`,
        }
      : d,
  );
}
