// Turns a draft into what publishing receives, and lists what stops it from being sent. Checks that
// need only the draft live here so the composer and the offline queue agree on them.
import type { Account } from '../../../../src-shared/domain/account.ts';
import type { OutgoingPost, PostTarget } from '../../../../src-shared/compose/post.ts';
import { addUtmToText } from '../../../../src-shared/compose/utm.ts';
import {
  allMedia,
  followUpMedia,
  textFor,
  type DraftContent,
  type DraftMedia,
  type PostNetwork,
} from './draft.ts';
import { measure, type LengthResult, type TextLimits } from './limits.ts';

export type Problem =
  | { readonly kind: 'no-account' }
  | { readonly kind: 'empty' }
  | { readonly kind: 'too-long'; readonly accountId: string; readonly over: number }
  | { readonly kind: 'missing-alt'; readonly count: number }
  | { readonly kind: 'too-many-media'; readonly accountId: string; readonly max: number }
  | { readonly kind: 'account-unusable'; readonly accountId: string }
  | { readonly kind: 'utm-campaign' }
  | { readonly kind: 'schedule-past' };

export function isPostNetwork(network: Account['network']): network is PostNetwork {
  return network === 'bluesky' || network === 'mastodon';
}

function tagged(content: DraftContent, network: PostNetwork, text: string): string {
  if (!content.utm.enabled || content.utm.campaign.trim() === '') return text;
  return addUtmToText(text, network, {
    campaign: content.utm.campaign.trim(),
    exceptDomains: content.utm.exceptHosts ?? null,
  }).text;
}

/** The text a network gets, campaign-tagged when asked. */
export function finalText(content: DraftContent, network: PostNetwork): string {
  return tagged(content, network, textFor(content, network));
}

export interface FinalFollowUp {
  readonly text: string;
  readonly media: readonly DraftMedia[];
}

/**
 * The follow-ups a network gets, in order, each with its images: ones with neither text nor image are left
 * out, links are tagged like the first post's.
 */
export function finalFollowUps(content: DraftContent, network: PostNetwork): FinalFollowUp[] {
  return content.followUps
    .map((text, i) => ({ text, media: followUpMedia(content, i) }))
    .filter((f) => f.text.trim() !== '' || f.media.length > 0)
    .map((f) => ({ text: f.text.trim() === '' ? '' : tagged(content, network, f.text), media: f.media }));
}

const composeMedia = (media: readonly DraftMedia[]) =>
  media.map((m) => ({ id: m.id, kind: m.kind, mimeType: m.mimeType, bytes: m.bytes, alt: m.alt }));

function warningOf(content: DraftContent): string | null {
  return content.contentWarning?.trim() ? content.contentWarning.trim() : null;
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
    // Every post of the thread must fit: one refused mid-thread would leave the thread cut short.
    for (const { text, media } of finalFollowUps(content, account.network as PostNetwork)) {
      const followUp = measure(text, limits, warningOf(content));
      if (followUp.remaining < 0)
        problems.push({ kind: 'too-long', accountId: account.id, over: -followUp.remaining });
      if (media.length > limits.maxMedia)
        problems.push({ kind: 'too-many-media', accountId: account.id, max: limits.maxMedia });
    }
    if (content.media.length > limits.maxMedia)
      problems.push({ kind: 'too-many-media', accountId: account.id, max: limits.maxMedia });
  }
  const missingAlt = allMedia(content).filter((m) => m.alt.trim() === '').length;
  if (options.requireAltText && missingAlt > 0) problems.push({ kind: 'missing-alt', count: missingAlt });
  if (content.utm.enabled && content.utm.campaign.trim() === '') problems.push({ kind: 'utm-campaign' });
  if (content.scheduledAt !== null && Date.parse(content.scheduledAt) <= options.now)
    problems.push({ kind: 'schedule-past' });
  return problems;
}

export function buildPost(content: DraftContent, accounts: readonly Account[]): OutgoingPost {
  const targets: PostTarget[] = selectedAccounts(content, accounts).map((account) => {
    const network = account.network as PostNetwork;
    const contentWarning = warningOf(content);
    return {
      accountId: account.id,
      network,
      text: finalText(content, network),
      contentWarning,
      media: composeMedia(content.media),
      // Only Mastodon has an audience setting; elsewhere a post is public.
      visibility: network === 'mastodon' ? content.visibility : null,
      language: content.language,
      // The whole thread shares the first post's content warning.
      followUps: finalFollowUps(content, network).map(({ text, media }) => ({
        text,
        contentWarning,
        // Left out when there is none, so a thread without follow-up images reads as it always did.
        ...(media.length > 0 ? { media: composeMedia(media) } : {}),
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
