// The priority score of a conversation: the sum of the rules that match it. Recomputed whenever a message
// joins the conversation; ties are broken by age (oldest first) wherever conversations are ordered.
import type { Network } from '../domain/account.ts';
import { foldText } from '../text/fold.ts';
import { scoreSentiment } from '../text/sentiment.ts';

export type PriorityRules = {
  /** Words or phrases ("refund", "account hacked"), matched whole, ignoring case and accents. */
  readonly terms: readonly { readonly text: string; readonly points: number }[];
  /** Contact ids or handles (without @) that are always worth more. */
  readonly vipContacts: readonly string[];
  readonly vipPoints: number;
  /** Points when the contact has more than `followerThreshold` followers. */
  readonly followerThreshold: number;
  readonly followerPoints: number;
  readonly negativeSentimentPoints: number;
  readonly networkPoints: Partial<Record<Network, number>>;
};

export const DEFAULT_PRIORITY_RULES: PriorityRules = {
  terms: [
    { text: 'hacked', points: 50 },
    { text: 'piraté', points: 50 },
    { text: 'refund', points: 30 },
    { text: 'remboursement', points: 30 },
    { text: 'urgent', points: 20 },
  ],
  vipContacts: [],
  vipPoints: 40,
  followerThreshold: 10_000,
  followerPoints: 15,
  negativeSentimentPoints: 10,
  networkPoints: {},
};

export type PriorityInput = {
  /** All the contact's messages in the conversation, joined, so a later "refund" still counts. */
  readonly text: string;
  readonly lang: string | null;
  readonly contactId: string;
  readonly contactHandle: string;
  /** Null when the network did not say. */
  readonly followers: number | null;
  readonly network: Network;
};

export type PriorityReason =
  | { readonly kind: 'term'; readonly text: string; readonly points: number }
  | { readonly kind: 'vip' | 'followers' | 'negative' | 'network'; readonly points: number };

export type PriorityScore = { readonly score: number; readonly reasons: readonly PriorityReason[] };

/** Folded text padded with spaces, so a phrase matches only on word boundaries. */
function searchable(text: string): string {
  return ` ${foldText(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;
}

export function containsPhrase(haystack: string, phrase: string): boolean {
  const needle = searchable(phrase);
  return needle.trim() !== '' && searchable(haystack).includes(needle);
}

export function scorePriority(input: PriorityInput, rules: PriorityRules): PriorityScore {
  const reasons: PriorityReason[] = [];
  const text = searchable(input.text);
  for (const term of rules.terms) {
    const needle = searchable(term.text);
    if (needle.trim() !== '' && text.includes(needle)) {
      reasons.push({ kind: 'term', text: term.text, points: term.points });
    }
  }
  const handle = input.contactHandle.replace(/^@/, '').toLowerCase();
  const vip = rules.vipContacts.some((v) => {
    const wanted = v.replace(/^@/, '').toLowerCase();
    return wanted === handle || v === input.contactId;
  });
  if (vip) reasons.push({ kind: 'vip', points: rules.vipPoints });
  if (input.followers !== null && input.followers > rules.followerThreshold) {
    reasons.push({ kind: 'followers', points: rules.followerPoints });
  }
  if (input.text.trim() !== '' && scoreSentiment(input.text, input.lang).label === 'negative') {
    reasons.push({ kind: 'negative', points: rules.negativeSentimentPoints });
  }
  const networkPoints = rules.networkPoints[input.network];
  if (networkPoints) reasons.push({ kind: 'network', points: networkPoints });
  return { score: reasons.reduce((sum, r) => sum + r.points, 0), reasons };
}

/** Higher priority first; equal scores oldest first; then by id so the order is total. */
export function byPriority(
  a: { readonly priority: number; readonly createdAt: number; readonly id: string },
  b: { readonly priority: number; readonly createdAt: number; readonly id: string },
): number {
  return b.priority - a.priority || a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
