// Reads an account's own state for hijack detection, in as few requests as the network allows. `probe` is
// the one read made every interval: Bluesky's repository revision (changes on any write), Mastodon's
// verify_credentials (the profile itself plus the status count). Only when the probe differs from the
// baseline are the feed (and on Bluesky the profile) read.
import type { Account } from '../../src-shared/domain/account.ts';
import type { StreamItem } from '../../src-shared/domain/stream-item.ts';
import type { OwnEntry } from '../../src-shared/protection/hijack-diff.ts';
import type { ProfileState } from '../../src-shared/protection/profile-diff.ts';
import { z } from '../../src-shared/zod.ts';
import type { Connector } from '../connectors/connector.ts';
import { asBlueskyConnector, asMastodonConnector } from '../connectors/connector-kinds.ts';

/** Entries read per check: a hijacker posting more than this within one interval still shows in the page. */
export const OWN_FEED_PAGE = 30;

export interface Probe {
  readonly mark: string;
  /** Present when the probe already carried the profile (Mastodon). */
  readonly profile: ProfileState | null;
}

export interface OwnStateReader {
  probe(): Promise<Probe>;
  profile(): Promise<ProfileState>;
  feed(): Promise<{ readonly entries: OwnEntry[]; readonly complete: boolean }>;
}

const VerifyCredentialsSchema = z.looseObject({
  id: z.string().max(128),
  display_name: z.string().max(10_000).default(''),
  avatar: z.string().max(4_096).nullable().optional(),
  note: z.string().max(100_000).default(''),
  statuses_count: z.number().int().nonnegative().default(0),
  last_status_at: z.string().max(64).nullable().optional(),
});

const stripPrefix = (key: string, network: string): string =>
  key.startsWith(`${network}:`) ? key.slice(network.length + 1) : key;

/** A feed item as the diff compares it; ids in the same terms as sent-through-roost.ts. */
export function toOwnEntry(item: StreamItem): OwnEntry | null {
  // Likes and follows are not the account's content; anything else it wrote is a post of some kind.
  if (item.kind === 'like' || item.kind === 'follow') return null;
  const kind = item.kind === 'repost' ? 'repost' : item.kind === 'reply' ? 'reply' : 'post';
  if (kind === 'repost') {
    return {
      uri: stripPrefix(item.key, item.network),
      kind,
      // Bluesky: the reposted post's URI; Mastodon: the original's instance-local id.
      subjectUri: item.network === 'mastodon' ? item.actionRef : item.remoteId,
      createdAt: item.createdAt,
      text: item.text,
    };
  }
  const uri = item.network === 'mastodon' ? (item.actionRef ?? item.remoteId) : item.remoteId;
  return { uri, kind, subjectUri: null, createdAt: item.createdAt, text: item.text };
}

async function readFeed(connector: Connector, account: Account, param: string) {
  const page = await connector.fetchPage({
    source: { type: 'author', accountId: account.id, param },
    since: null,
    before: null,
    limit: OWN_FEED_PAGE,
  });
  const entries = page.items.map(toOwnEntry).filter((e): e is OwnEntry => e !== null);
  return { entries, complete: page.older === null || page.items.length < OWN_FEED_PAGE };
}

export function ownStateReader(account: Account, connector: Connector): OwnStateReader {
  if (account.network === 'bluesky') {
    const bluesky = asBlueskyConnector(connector);
    return {
      probe: async () => ({ mark: await bluesky.readRepoRevision(), profile: null }),
      profile: () => bluesky.readOwnProfile(),
      feed: () => readFeed(connector, account, bluesky.did),
    };
  }
  const mastodon = asMastodonConnector(connector);
  let accountId: string | null = null;
  const verify = async () => {
    const { body } = await mastodon.http.request(
      'GET',
      '/api/v1/accounts/verify_credentials',
      VerifyCredentialsSchema,
      { action: 'Profile' },
    );
    accountId = body.id;
    return body;
  };
  const profileOf = (body: z.infer<typeof VerifyCredentialsSchema>): ProfileState => ({
    displayName: body.display_name,
    avatar: body.avatar ?? null,
    description: body.note,
  });
  return {
    probe: async () => {
      const body = await verify();
      return { mark: `${body.statuses_count}:${body.last_status_at ?? ''}`, profile: profileOf(body) };
    },
    profile: async () => profileOf(await verify()),
    feed: async () => readFeed(connector, account, accountId ?? (await verify()).id),
  };
}
