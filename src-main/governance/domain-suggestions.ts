// Organisation domains worth suggesting from the connected accounts, so look-alike link checks can be on
// without anyone typing a domain: a Bluesky handle on a custom domain, and links the profiles point to.
import type { Account } from '../../src-shared/domain/account.ts';
import { isSameOrSubdomain, normaliseDomain, parseLinkHost } from '../../src-shared/guards/hosts.ts';

/** What a profile says about itself beyond the handle: website, description, Mastodon's fields. */
export interface ProfileText {
  readonly accountId: string;
  readonly texts: readonly string[];
}

/** Hosts shared by many people: an account there says nothing about which domains the organisation owns. */
const SHARED_HOSTS = [
  'bsky.social',
  'bsky.app',
  'mastodon.social',
  'mastodon.online',
  'mstdn.social',
  'linktr.ee',
  'instagram.com',
  'facebook.com',
  'x.com',
  'twitter.com',
  'youtube.com',
  'tiktok.com',
  'linkedin.com',
  'threads.net',
  'github.com',
];

const LINK = /\bhttps?:\/\/[^\s<>"')]+/gi;
/** A bare domain written in a Mastodon field or a Bluesky website line ("brand.example"). */
const BARE_DOMAIN = /^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+\/?$/u;

function isShared(domain: string, account: Account): boolean {
  if (SHARED_HOSTS.some((shared) => isSameOrSubdomain(domain, shared))) return true;
  // A handle under its own server's name (alice.pds.example) belongs to the server, not to the brand.
  const server = parseLinkHost(account.service)?.host;
  return server !== undefined && isSameOrSubdomain(domain, server);
}

function domainsInText(text: string): string[] {
  const found = [...text.matchAll(LINK)].map((m) => m[0]);
  if (BARE_DOMAIN.test(text.trim())) found.push(text.trim());
  return found.map((link) => normaliseDomain(link)).filter((d): d is string => d !== null);
}

function handleDomain(account: Account): string | null {
  if (account.network !== 'bluesky') return null;
  return normaliseDomain(account.handle);
}

/** The instance of a Mastodon account, from its account URL; only a brand's own instance survives the filter. */
function mastodonInstance(account: Account): string | null {
  if (account.network !== 'mastodon') return null;
  return /^https?:\/\//i.test(account.remoteId) ? normaliseDomain(account.remoteId) : null;
}

/** Suggestions in account order, without duplicates and without domains already configured. */
export function suggestOrgDomains(
  accounts: readonly Account[],
  profiles: readonly ProfileText[],
  configured: readonly string[],
): string[] {
  const have = new Set(configured.map((d) => normaliseDomain(d) ?? d));
  const out: string[] = [];
  for (const account of accounts) {
    const texts = profiles.filter((p) => p.accountId === account.id).flatMap((p) => p.texts);
    const candidates = [handleDomain(account), mastodonInstance(account), ...texts.flatMap(domainsInText)];
    for (const domain of candidates) {
      if (!domain || have.has(domain) || isShared(domain, account)) continue;
      have.add(domain);
      out.push(domain);
    }
  }
  return out;
}
