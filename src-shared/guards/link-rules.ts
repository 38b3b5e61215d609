// Guards on the links in a post: internationalised hosts, look-alikes of the organisation's domains,
// the local block list, and shorteners whose destination cannot be checked.
import { findLinks } from '../compose/links.ts';
import type { OutgoingPost } from '../compose/post.ts';
import { blockListEntryFor } from './block-list.ts';
import { hasNonAscii } from './confusables.ts';
import { parseLinkHost, type LinkHost } from './hosts.ts';
import { findLookalike, isTrustedHost } from './lookalike.ts';
import { shortenerFor } from './shorteners.ts';
import type { GuardContext, GuardDecision, LookalikeTechnique } from './types.ts';
import { decisionId } from './decision-id.ts';

const TECHNIQUE_TEXT: Record<LookalikeTechnique, string> = {
  homoglyph: 'uses look-alike characters',
  'embedded-domain': 'hides it at the start of another domain',
  'hyphenated-domain': 'spells it with hyphens inside another domain',
  'affixed-label': 'attaches a word to the name',
  userinfo: 'puts it before an @, so the link really goes elsewhere',
};

function checkLink(url: string, host: LinkHost, accountId: string, ctx: GuardContext): GuardDecision[] {
  const out: GuardDecision[] = [];
  const shown = host.unicodeHost;
  const base = { accountIds: [accountId] };
  const entry = blockListEntryFor(ctx.blockList, host.host);
  if (entry) {
    out.push({
      ...base,
      id: decisionId('link-blocklist', url),
      guard: 'link-blocklist',
      level: 'block',
      message: `${shown} is on the block list (${entry})`,
      detail: { guard: 'link-blocklist', url, host: host.host, entry },
    });
  }
  const lookalike = findLookalike(host, ctx.orgDomains);
  if (lookalike) {
    out.push({
      ...base,
      id: decisionId('link-lookalike', url),
      guard: 'link-lookalike',
      level: lookalike.technique === 'affixed-label' ? 'confirm' : 'block',
      message: `${shown} imitates ${lookalike.imitates}: it ${TECHNIQUE_TEXT[lookalike.technique]}`,
      detail: { guard: 'link-lookalike', url, host: host.host, unicodeHost: shown, ...lookalike },
    });
  }
  if (isTrustedHost(host, ctx.orgDomains) && host.userinfo === null) return out;
  if (host.host.split('.').some((l) => l.startsWith('xn--')) || hasNonAscii(host.host)) {
    out.push({
      ...base,
      id: decisionId('link-punycode', url),
      guard: 'link-punycode',
      level: 'warn',
      message: `${host.host} is an internationalised domain that reads as ${shown}`,
      detail: { guard: 'link-punycode', url, host: host.host, unicodeHost: shown },
    });
  }
  const shortener = shortenerFor(host.host, ctx.shorteners);
  if (shortener) {
    out.push({
      ...base,
      id: decisionId('link-shortener', url),
      guard: 'link-shortener',
      level: 'confirm',
      message: `${shortener} is a shortener chain — cannot verify the destination`,
      detail: { guard: 'link-shortener', url, host: host.host, shortener },
    });
  }
  return out;
}

export function linkRule(post: OutgoingPost, ctx: GuardContext): GuardDecision[] {
  const out: GuardDecision[] = [];
  for (const target of post.targets) {
    const seen = new Set<string>();
    for (const link of findLinks(target.text)) {
      if (seen.has(link.href)) continue;
      seen.add(link.href);
      const host = parseLinkHost(link.href);
      if (host) out.push(...checkLink(link.href, host, target.accountId, ctx));
    }
  }
  return out;
}
