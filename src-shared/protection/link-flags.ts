// Links in incoming items checked before anyone clicks: a host the block list names (shipped or the user's),
// or one imitating an organisation domain (the same look-alike rules the composer's link guard applies).
import { blockListEntryFor, type BlockList } from '../guards/block-list.ts';
import { parseLinkHost } from '../guards/hosts.ts';
import { findLookalike } from '../guards/lookalike.ts';
import type { LinkFlag } from './flags.ts';

export interface LinkRules {
  readonly blockList: BlockList;
  readonly orgDomains: readonly string[];
}

export function flagLink(url: string, rules: LinkRules): LinkFlag | null {
  const host = parseLinkHost(url);
  if (!host) return null;
  const entry = blockListEntryFor(rules.blockList, host.host);
  if (entry) return { url, host: host.host, reason: 'blocked', detail: entry };
  const lookalike = findLookalike(host, rules.orgDomains);
  if (lookalike) return { url, host: host.host, reason: 'lookalike', detail: lookalike.imitates };
  return null;
}

/** Flags for every distinct link, in the order they appear. */
export function flagLinks(urls: readonly string[], rules: LinkRules): LinkFlag[] {
  const flags: LinkFlag[] = [];
  for (const url of new Set(urls)) {
    const flag = flagLink(url, rules);
    if (flag) flags.push(flag);
  }
  return flags;
}
