// Guards about who is posting: protected brand accounts and replies sent from another account than the
// one whose column the item came from.
import type { OutgoingPost } from '../compose/post.ts';
import type { GuardContext, GuardDecision } from './types.ts';
import { decisionId } from './decision-id.ts';

/** Typed confirmation of a handle: case-insensitive, surrounding spaces and one leading `@` ignored. */
export function handleMatches(typed: string, handle: string): boolean {
  const clean = (s: string) => s.trim().replace(/^@/, '').toLowerCase();
  return clean(handle) !== '' && clean(typed) === clean(handle);
}

export function protectedAccountRule(post: OutgoingPost, ctx: GuardContext): GuardDecision[] {
  const decisions: GuardDecision[] = [];
  for (const target of post.targets) {
    const account = ctx.accounts.find((a) => a.id === target.accountId);
    if (!account?.protected) continue;
    decisions.push({
      id: decisionId('protected-account', account.id),
      guard: 'protected-account',
      level: 'confirm',
      message: `@${account.handle} is a protected account: type its handle to publish`,
      accountIds: [account.id],
      detail: { guard: 'protected-account', accountId: account.id, handle: account.handle },
    });
  }
  return decisions;
}

export function crossAccountReplyRule(post: OutgoingPost, ctx: GuardContext): GuardDecision[] {
  const source = post.replyTo?.sourceAccountId;
  if (!source) return [];
  const sourceHandle = ctx.accounts.find((a) => a.id === source)?.handle ?? source;
  return post.targets
    .filter((t) => t.accountId !== source)
    .map((t) => {
      const handle = ctx.accounts.find((a) => a.id === t.accountId)?.handle ?? t.accountId;
      return {
        id: decisionId('cross-account-reply', t.accountId),
        guard: 'cross-account-reply' as const,
        level: 'confirm' as const,
        message: `Replying as @${handle} to an item from @${sourceHandle}'s column`,
        accountIds: [t.accountId],
        detail: { guard: 'cross-account-reply' as const, accountId: t.accountId, sourceAccountId: source },
      };
    });
}
