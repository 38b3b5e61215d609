// The table of publish guards. The composer runs it for instant feedback; main runs it again, with its
// own context, before anything is published. Every text of a thread is checked, not only the first.
import type { OutgoingPost } from '../compose/post.ts';
import { crossAccountReplyRule, protectedAccountRule } from './account-rules.ts';
import { blockedTermRule } from './blocked-terms.ts';
import { duplicateRule } from './duplicate-rule.ts';
import { linkRule } from './link-rules.ts';
import { linkTextRule } from './link-text-rule.ts';
import { quietHoursRule } from './quiet-hours.ts';
import type { GuardContext, GuardDecision, GuardLevel } from './types.ts';

export type GuardRule = (post: OutgoingPost, ctx: GuardContext) => GuardDecision[];

export const GUARD_RULES: readonly GuardRule[] = [
  protectedAccountRule,
  crossAccountReplyRule,
  linkRule,
  linkTextRule,
  blockedTermRule,
  duplicateRule,
  quietHoursRule,
];

const SEVERITY: Record<GuardLevel, number> = { block: 0, confirm: 1, warn: 2 };

/**
 * The post as each step of its threads publishes it: the first posts, then, for every follow-up position,
 * the targets that have one with that text (and its own media) in place of theirs. Later posts reply within
 * the thread, so only the first carries the reply and quote.
 */
export function threadSteps(post: OutgoingPost): OutgoingPost[] {
  const depth = Math.max(0, ...post.targets.map((t) => t.followUps?.length ?? 0));
  const steps: OutgoingPost[] = [post];
  for (let i = 0; i < depth; i++) {
    const targets = post.targets.flatMap((t) => {
      const followUp = t.followUps?.[i];
      return followUp
        ? [
            {
              ...t,
              text: followUp.text,
              contentWarning: followUp.contentWarning,
              media: followUp.media ?? [],
              followUps: [],
            },
          ]
        : [];
    });
    steps.push({ ...post, targets, replyTo: null, quote: null });
  }
  return steps;
}

export function evaluateGuards(
  post: OutgoingPost,
  ctx: GuardContext,
  rules: readonly GuardRule[] = GUARD_RULES,
): GuardDecision[] {
  // The same link or term in several targets' texts (or several posts of a thread) is one decision naming
  // every account concerned.
  const byId = new Map<string, GuardDecision>();
  for (const rule of rules) {
    for (const decision of threadSteps(post).flatMap((step) => rule(step, ctx))) {
      const level = ctx.levels?.[decision.guard] ?? decision.level;
      const existing = byId.get(decision.id);
      if (existing) {
        existing.accountIds = [...new Set([...existing.accountIds, ...decision.accountIds])];
      } else {
        byId.set(decision.id, { ...decision, level, accountIds: [...decision.accountIds] });
      }
    }
  }
  return [...byId.values()].sort(
    (a, b) => SEVERITY[a.level] - SEVERITY[b.level] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}
