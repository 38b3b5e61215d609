// Builders for guard tests: a post with one or more targets and a context with nothing configured.
import type { OutgoingPost, PostTarget } from '../../../src-shared/compose/post.ts';
import { EMPTY_BLOCK_LIST } from '../../../src-shared/guards/block-list.ts';
import type { GuardAccount, GuardContext } from '../../../src-shared/guards/types.ts';

export const NOW = Date.parse('2025-01-15T12:00:00Z');

export function target(text: string, accountId = 'acct-brand', patch: Partial<PostTarget> = {}): PostTarget {
  return { accountId, network: 'bluesky', text, contentWarning: null, media: [], ...patch };
}

export function post(targets: PostTarget[] | string, patch: Partial<OutgoingPost> = {}): OutgoingPost {
  return {
    targets: typeof targets === 'string' ? [target(targets)] : targets,
    replyTo: null,
    quote: null,
    scheduledAt: null,
    ...patch,
  };
}

export function account(id: string, patch: Partial<GuardAccount> = {}): GuardAccount {
  return {
    id,
    network: 'bluesky',
    handle: `${id}.example.com`,
    protected: false,
    quietHours: null,
    ...patch,
  };
}

export function context(patch: Partial<GuardContext> = {}): GuardContext {
  return {
    now: NOW,
    accounts: [account('acct-brand'), account('acct-team')],
    orgDomains: ['example.com'],
    blockList: EMPTY_BLOCK_LIST,
    blockedTerms: [],
    recentPosts: [],
    ...patch,
  };
}
