// The vocabulary of publish guards: what a rule decides, what it needs to know, and what is recorded
// with a post once someone has confirmed it.
import type { Network } from '../domain/account.ts';
import type { BlockList } from './block-list.ts';

export type GuardLevel = 'block' | 'confirm' | 'warn';

export const GUARD_IDS = [
  'protected-account',
  'cross-account-reply',
  'link-punycode',
  'link-lookalike',
  'link-blocklist',
  'link-shortener',
  'link-text-mismatch',
  'blocked-term',
  'duplicate',
  'quiet-hours',
] as const;
export type GuardId = (typeof GUARD_IDS)[number];

export type LookalikeTechnique =
  'homoglyph' | 'embedded-domain' | 'hyphenated-domain' | 'affixed-label' | 'userinfo';

export type GuardDetail =
  | { guard: 'protected-account'; accountId: string; handle: string }
  | { guard: 'cross-account-reply'; accountId: string; sourceAccountId: string }
  | { guard: 'link-punycode'; url: string; host: string; unicodeHost: string }
  | {
      guard: 'link-lookalike';
      url: string;
      host: string;
      unicodeHost: string;
      imitates: string;
      technique: LookalikeTechnique;
    }
  | { guard: 'link-blocklist'; url: string; host: string; entry: string }
  | { guard: 'link-shortener'; url: string; host: string; shortener: string }
  | {
      guard: 'link-text-mismatch';
      url: string;
      shownDomain: string;
      targetHost: string;
      form: 'markdown' | 'bare-text';
    }
  | { guard: 'blocked-term'; term: string; matched: string; start: number; end: number }
  | { guard: 'duplicate'; accountId: string; postedAt: string }
  | {
      guard: 'quiet-hours';
      accountId: string;
      timeZone: string;
      start: string;
      end: string;
      /** The instant checked (now or the scheduled time), ISO 8601. */
      at: string;
      localTime: string;
      /** When the quiet hours end (a time to reschedule to), or null when the zone is unknown. */
      endsAt: string | null;
    };

export type GuardDecision = {
  /** Stable for the same content, so the renderer's confirmations name the same decisions main finds. */
  id: string;
  guard: GuardId;
  level: GuardLevel;
  message: string;
  /** Accounts the decision concerns (content rules list every target whose text triggered them). */
  accountIds: string[];
  detail: GuardDetail;
};

/** `HH:MM` to `HH:MM` local time; an end before the start crosses midnight. */
export type QuietHours = { start: string; end: string; timeZone: string };

export type GuardAccount = {
  id: string;
  network: Network;
  handle: string;
  protected: boolean;
  quietHours: QuietHours | null;
};

export type RecentPost = { accountId: string; text: string; postedAt: string };

export type GuardContext = {
  /** Injected clock, milliseconds since the epoch. */
  now: number;
  accounts: readonly GuardAccount[];
  /** Domains the organisation owns; links to them (and their subdomains) are trusted. */
  orgDomains: readonly string[];
  blockList: BlockList;
  blockedTerms: readonly string[];
  /** Posts already published (or scheduled) by the target accounts, for the duplicate rule. */
  recentPosts: readonly RecentPost[];
  shorteners?: readonly string[];
  /** Policy overrides, e.g. `{ 'link-shortener': 'warn' }`. */
  levels?: Partial<Record<GuardId, GuardLevel>>;
  /** Defaults to 24 hours. */
  duplicateWindowMs?: number;
};

/** What was decided about one guard for one post, kept with the post for audit. */
export type GuardRecord = {
  decisionId: string;
  guard: GuardId;
  level: GuardLevel;
  message: string;
  accountIds: string[];
  /** `warned`: shown only; `acknowledged`: confirmed with a click; `typed`: confirmed by typing the handle. */
  outcome: 'warned' | 'acknowledged' | 'typed';
  /** Who confirmed (user id or name), null for warnings. */
  confirmedBy: string | null;
  confirmedAt: string;
  /** Digest of the exact content the confirmation applies to. */
  digest: string;
};
