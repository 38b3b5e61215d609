// What the composer sends to a team brand account, and what stops it: the server publishes text only (no
// images, no follow-ups), starts no reply or quote from here (the Inbox answers inquiries), and the network's
// own length applies.
import type { DraftContent } from '../model/draft.ts';
import { finalText } from '../model/build-post.ts';
import { defaultLimits, measure } from '../model/limits.ts';
import type { TeamBrand } from './use-team-brands.ts';

export type TeamPostProblem =
  | { readonly kind: 'team-media' }
  | { readonly kind: 'team-follow-ups' }
  | { readonly kind: 'team-reference' }
  | { readonly kind: 'team-too-long'; readonly handle: string; readonly over: number };

export function teamPostText(content: DraftContent, brand: TeamBrand): string {
  return finalText(content, brand.account.network);
}

export function teamPostProblems(content: DraftContent, brands: readonly TeamBrand[]): TeamPostProblem[] {
  if (brands.length === 0) return [];
  const problems: TeamPostProblem[] = [];
  if (content.media.length > 0) problems.push({ kind: 'team-media' });
  if (content.followUps.length > 0) problems.push({ kind: 'team-follow-ups' });
  if (content.replyTo || content.quote) problems.push({ kind: 'team-reference' });
  for (const brand of brands) {
    const length = measure(teamPostText(content, brand), defaultLimits(brand.account.network), null);
    if (length.remaining < 0)
      problems.push({ kind: 'team-too-long', handle: brand.account.handle, over: -length.remaining });
  }
  return problems;
}
