// Turns a draft into what publishing receives, and lists what stops it from being sent. Checks that
// need only the draft live here so the composer and the offline queue agree on them.
import type { Account } from '../../../../src-shared/domain/account.ts';
import type { OutgoingPost, PostTarget } from '../../../../src-shared/compose/post.ts';
import { addUtmToText } from '../../../../src-shared/compose/utm.ts';
import { textFor, type DraftContent, type PostNetwork } from './draft.ts';
import type { LengthResult, TextLimits } from './limits.ts';

export type Problem =
  | { readonly kind: 'no-account' }
  | { readonly kind: 'empty' }
  | { readonly kind: 'too-long'; readonly accountId: string; readonly over: number }
  | { readonly kind: 'missing-alt'; readonly count: number }
  | { readonly kind: 'too-many-media'; readonly accountId: string; readonly max: number }
  | { readonly kind: 'account-unusable'; readonly accountId: string }
  | { readonly kind: 'thread-unsupported' }
  | { readonly kind: 'visibility-unsupported' }
  | { readonly kind: 'utm-campaign' }
  | { readonly kind: 'schedule-past' };

export function isPostNetwork(network: Account['network']): network is PostNetwork {
  return network === 'bluesky' || network === 'mastodon';
}

/** The text a network gets, campaign-tagged when asked. */
export function finalText(content: DraftContent, network: PostNetwork): string {
  const text = textFor(content, network);
  if (!content.utm.enabled || content.utm.campaign.trim() === '') return text;
  return addUtmToText(text, network, { campaign: content.utm.campaign.trim() }).text;
}

export function selectedAccounts(content: DraftContent, accounts: readonly Account[]): Account[] {
  return content.accountIds
    .map((id) => accounts.find((a) => a.id === id))
    .filter((a): a is Account => a !== undefined && isPostNetwork(a.network));
}

export function findProblems(
  content: DraftContent,
  accounts: readonly Account[],
  limitsFor: (account: Account) => TextLimits,
  lengthFor: (account: Account) => LengthResult,
  options: { readonly requireAltText: boolean; readonly now: number },
): Problem[] {
  const problems: Problem[] = [];
  const targets = selectedAccounts(content, accounts);
  if (targets.length === 0) problems.push({ kind: 'no-account' });
  const hasText =
    targets.some((a) => textFor(content, a.network as PostNetwork).trim() !== '') ||
    content.text.trim() !== '';
  if (!hasText && content.media.length === 0) problems.push({ kind: 'empty' });
  for (const account of targets) {
    if (account.status !== 'active') problems.push({ kind: 'account-unusable', accountId: account.id });
    const limits = limitsFor(account);
    const result = lengthFor(account);
    if (result.remaining < 0)
      problems.push({ kind: 'too-long', accountId: account.id, over: -result.remaining });
    if (content.media.length > limits.maxMedia)
      problems.push({ kind: 'too-many-media', accountId: account.id, max: limits.maxMedia });
  }
  const missingAlt = content.media.filter((m) => m.alt.trim() === '').length;
  if (options.requireAltText && missingAlt > 0) problems.push({ kind: 'missing-alt', count: missingAlt });
  // Publishing carries one post per account today: a thread or a restricted audience would go out wrong.
  if (content.followUps.some((f) => f.trim() !== '')) problems.push({ kind: 'thread-unsupported' });
  if (content.visibility !== 'public' && targets.some((a) => a.network === 'mastodon'))
    problems.push({ kind: 'visibility-unsupported' });
  if (content.utm.enabled && content.utm.campaign.trim() === '') problems.push({ kind: 'utm-campaign' });
  if (content.scheduledAt !== null && Date.parse(content.scheduledAt) <= options.now)
    problems.push({ kind: 'schedule-past' });
  return problems;
}

export function buildPost(content: DraftContent, accounts: readonly Account[]): OutgoingPost {
  const targets: PostTarget[] = selectedAccounts(content, accounts).map((account) => {
    const network = account.network as PostNetwork;
    return {
      accountId: account.id,
      network,
      text: finalText(content, network),
      contentWarning: content.contentWarning?.trim() ? content.contentWarning.trim() : null,
      media: content.media.map((m) => ({
        id: m.id,
        kind: m.kind,
        mimeType: m.mimeType,
        bytes: m.bytes,
        alt: m.alt,
      })),
    };
  });
  return {
    targets,
    replyTo: content.replyTo?.ref ?? null,
    quote: content.quote?.ref ?? null,
    scheduledAt: content.scheduledAt,
  };
}

export function campaignOf(content: DraftContent): string | null {
  return content.utm.enabled && content.utm.campaign.trim() !== '' ? content.utm.campaign.trim() : null;
}
