// The same text posted twice to one account within a day is almost always a mistake (and networks may
// treat it as spam). Compared after folding case, accents and spacing.
import type { OutgoingPost } from '../compose/post.ts';
import { foldText } from '../text/fold.ts';
import type { GuardContext, GuardDecision } from './types.ts';
import { decisionId } from './decision-id.ts';

export const DEFAULT_DUPLICATE_WINDOW_MS = 24 * 60 * 60 * 1000;

export function normaliseForDuplicate(text: string): string {
  return foldText(text.normalize('NFKC')).replace(/\s+/g, ' ').trim();
}

export function duplicateRule(post: OutgoingPost, ctx: GuardContext): GuardDecision[] {
  const windowMs = ctx.duplicateWindowMs ?? DEFAULT_DUPLICATE_WINDOW_MS;
  // A scheduled post is compared around its own publication time.
  const scheduled = post.scheduledAt === null ? Number.NaN : Date.parse(post.scheduledAt);
  const reference = Number.isNaN(scheduled) ? ctx.now : scheduled;
  const out: GuardDecision[] = [];
  for (const target of post.targets) {
    const text = normaliseForDuplicate(target.text);
    if (text === '') continue;
    const earlier = ctx.recentPosts.find((p) => {
      const at = Date.parse(p.postedAt);
      return (
        p.accountId === target.accountId &&
        !Number.isNaN(at) &&
        Math.abs(reference - at) < windowMs &&
        normaliseForDuplicate(p.text) === text
      );
    });
    if (!earlier) continue;
    out.push({
      id: decisionId('duplicate', target.accountId),
      guard: 'duplicate',
      level: 'confirm',
      message: `The same text was posted from this account at ${earlier.postedAt}`,
      accountIds: [target.accountId],
      detail: { guard: 'duplicate', accountId: target.accountId, postedAt: earlier.postedAt },
    });
  }
  return out;
}
