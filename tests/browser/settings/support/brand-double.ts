// Brand accounts behind main's real router, for Settings → Team in Chromium: connect (one good app password),
// remove, per-member access, and posting with the server's answers — a confirmation a guard asks for, and
// approval for members who need it. The real path (desktop → team server → local Bluesky network) is in
// tests/e2e/team.spec.ts and tests/integration/team/brand-accounts.test.ts.
import type { Handlers } from '../../../../src-main/rpc/router.ts';
import { RoostError } from '../../../../src-shared/contract/errors.ts';
import type { BrandAccessLevel, BrandAccount, BrandPost } from '../../../../src-shared/team/team-contract.ts';

export const GOOD_APP_PASSWORD = 'good-app-pass-word';
export const CONFIRM_WORD = 'giveaway';
const ME = '01JTEAM0000000000000000ME1';

export interface BrandDouble {
  readonly handlers: Partial<Handlers>;
  accounts(): readonly BrandAccount[];
  access(accountId: string): ReadonlyMap<string, BrandAccessLevel>;
  posts(): readonly BrandPost[];
  /** Every secret main was asked to pass on, to check none is ever answered back. */
  secretsReceived(): readonly string[];
  /** What the desktop's own access to every account is (admins: publish). */
  setMyAccess(access: BrandAccessLevel): void;
}

export function createBrandDouble(): BrandDouble {
  let accounts: BrandAccount[] = [];
  const access = new Map<string, Map<string, BrandAccessLevel>>();
  const posts: BrandPost[] = [];
  const secrets: string[] = [];
  let myAccess: BrandAccessLevel = 'publish';
  let next = 1;
  const id = (prefix: string) => `01JBRAND${prefix}${String(next++).padStart(18 - prefix.length, '0')}`;
  const find = (accountId: string) => {
    const account = accounts.find((a) => a.id === accountId && a.removedAt === null);
    if (!account) throw new RoostError('not_found', 'The team server has no such record.');
    return account;
  };

  const handlers: Partial<Handlers> = {
    'team:brandAccounts': () =>
      accounts.filter((a) => a.removedAt === null).map((account) => ({ account, access: myAccess })),
    'team:connectBrandAccount': (input) => {
      secrets.push(input.network === 'bluesky' ? input.appPassword : input.accessToken);
      if (input.network === 'bluesky' && input.appPassword !== GOOD_APP_PASSWORD)
        throw new RoostError('server_error', 'The team server could not do this (brand_unreachable).');
      const account: BrandAccount = {
        id: id('A'),
        network: input.network,
        service: input.network === 'bluesky' ? input.service : input.instance,
        handle: input.network === 'bluesky' ? input.handle : 'brand@social.example',
        remoteId: 'did:plc:brand',
        connectedBy: ME,
        connectedAt: 1,
        removedAt: null,
        version: 1,
      };
      accounts = [...accounts, account];
      return account;
    },
    'team:removeBrandAccount': (input) => {
      const removed = { ...find(input.id), removedAt: 2, version: 2 };
      accounts = accounts.map((a) => (a.id === input.id ? removed : a));
      return removed;
    },
    'team:brandAccess': (input) => {
      find(input.accountId);
      return [...(access.get(input.accountId) ?? new Map())].map(([memberId, level]) => ({
        accountId: input.accountId,
        memberId,
        access: level,
        updatedAt: 3,
      }));
    },
    'team:setBrandAccess': (input) => {
      find(input.accountId);
      const rows = access.get(input.accountId) ?? new Map<string, BrandAccessLevel>();
      if (input.access === null) rows.delete(input.memberId);
      else rows.set(input.memberId, input.access);
      access.set(input.accountId, rows);
      return { ...input, updatedAt: 4 };
    },
    'team:submitBrandPost': (input) => {
      const account = find(input.accountId);
      if (input.text.includes(CONFIRM_WORD) && !input.acknowledged?.includes('decision-1'))
        throw new RoostError('invalid_input', 'Needs confirmation (blocked-term, decision decision-1)', [
          { path: 'acknowledge', message: 'decision-1' },
        ]);
      const post: BrandPost = {
        id: id('P'),
        accountId: account.id,
        memberId: ME,
        kind: 'post',
        text: input.text,
        // Members whose posts need approval: the server holds the post until its request is decided.
        state: myAccess === 'publish_with_approval' ? 'awaiting_approval' : 'queued',
        remoteId: null,
        url: null,
        lastError: null,
        createdAt: 5,
        updatedAt: 5,
        version: 1,
      };
      posts.push(post);
      return post;
    },
    // The server's outbox sends a queued post on the first look after it was accepted.
    'team:brandPostStatus': (input) => {
      const index = posts.findIndex((p) => p.id === input.id);
      if (index === -1) throw new RoostError('not_found', 'The team server has no such record.');
      if (posts[index]!.state === 'awaiting_approval') return posts[index]!;
      const sent: BrandPost = {
        ...posts[index]!,
        state: 'sent',
        remoteId: 'at://did:plc:brand/app.bsky.feed.post/3kxyz',
        url: 'https://bsky.app/profile/brand.example/post/3kxyz',
        version: 2,
      };
      posts[index] = sent;
      return sent;
    },
  };
  return {
    handlers,
    accounts: () => accounts,
    access: (accountId) => access.get(accountId) ?? new Map(),
    posts: () => posts,
    secretsReceived: () => secrets,
    setMyAccess: (level) => (myAccess = level),
  };
}
