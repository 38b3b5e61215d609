// Is an author posing as one of the user's own accounts? A handle that reads like a brand handle (homoglyphs,
// Punycode, the handle embedded, hyphenated or with a word attached — the link look-alike rules applied to the
// handle as a domain), or a display name whose look-alike skeleton is the brand's display name.
import { skeleton } from '../guards/confusables.ts';
import { parseLinkHost } from '../guards/hosts.ts';
import { findLookalike } from '../guards/lookalike.ts';
import { hostToUnicode } from '../guards/punycode.ts';
import type { ImpostorFlag } from './flags.ts';

export interface Identity {
  /** Bluesky `name.example`, Mastodon `user@instance` (or `user` on the same instance). */
  readonly handle: string;
  readonly displayName: string;
  /** DID or account URI, when known: the brand itself is never its own impostor. */
  readonly id?: string | null;
}

// Display names shorter than this ("Al", "Jo") collide by accident too often to accuse anyone.
const MIN_NAME_SKELETON = 4;

const bareHandle = (handle: string): string => handle.trim().replace(/^@/, '').toLowerCase();

/** The handle as a host name: Bluesky handles are one; a Mastodon `user@instance` compares by its user part. */
function handleParts(handle: string): { host: string | null; user: string } {
  const bare = bareHandle(handle);
  const at = bare.indexOf('@');
  if (at !== -1) return { host: null, user: bare.slice(0, at) };
  return { host: bare.includes('.') ? bare : null, user: bare.split('.')[0] ?? bare };
}

const nameSkeleton = (name: string): string => skeleton(name.normalize('NFKC')).replace(/[\s._\-·•|]+/g, '');

function handleImitates(author: string, brand: string): boolean {
  const a = handleParts(author);
  const b = handleParts(brand);
  if (a.host !== null && b.host !== null) {
    const host = parseLinkHost(a.host);
    if (host && findLookalike(host, [b.host]) !== null) return true;
  }
  // Same user part in disguise (homoglyphs or Punycode), on any server.
  const userA = skeleton(hostToUnicode(a.user));
  return a.user !== b.user && userA === skeleton(b.user) && userA.length >= MIN_NAME_SKELETON - 1;
}

export function findImpostor(author: Identity, brands: readonly Identity[]): ImpostorFlag | null {
  const handle = bareHandle(author.handle);
  for (const brand of brands) {
    if (bareHandle(brand.handle) === handle) continue;
    if (author.id && brand.id && author.id === brand.id) continue;
    if (handleImitates(handle, brand.handle)) return { imitates: bareHandle(brand.handle), reason: 'handle' };
  }
  const name = nameSkeleton(author.displayName);
  if (name.length < MIN_NAME_SKELETON) return null;
  for (const brand of brands) {
    if (bareHandle(brand.handle) === handle || (author.id && brand.id && author.id === brand.id)) continue;
    const brandName = nameSkeleton(brand.displayName);
    const brandUser = nameSkeleton(handleParts(brand.handle).user);
    if (name === brandName || name === brandUser) {
      return { imitates: bareHandle(brand.handle), reason: 'display-name' };
    }
  }
  return null;
}
