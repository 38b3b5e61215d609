// Link text that names one domain while the link goes to another: `[example.com](https://evil.net)`, or a
// post that says "example.com" in words but whose only links point elsewhere.
import { findLinks } from '../compose/links.ts';
import type { OutgoingPost } from '../compose/post.ts';
import { isKnownTld } from '../compose/tlds.ts';
import { isSameOrSubdomain, parseLinkHost } from './hosts.ts';
import { isTrustedHost } from './lookalike.ts';
import type { GuardContext, GuardDecision } from './types.ts';
import { decisionId } from './decision-id.ts';

const MARKDOWN_LINK = /\[([^\]\n]{1,300})\]\(\s*(https?:\/\/[^\s)]+)\s*\)/giu;
const SHOWN_DOMAIN = /^(?:(https?):\/\/)?([\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)\.?(?:[/?#:]\S*)?$/iu;

/** The domain a piece of link text claims to be, or null when it does not read as a domain. */
export function shownDomain(text: string): string | null {
  const m = SHOWN_DOMAIN.exec(text.trim());
  if (!m) return null;
  const host = (m[2] ?? '').toLowerCase();
  const tld = host.slice(host.lastIndexOf('.') + 1);
  if (!/^\p{L}{2,}$/u.test(tld)) return null;
  // Without a scheme, only real TLDs count, so "Node.js" is not read as a domain.
  return m[1] || isKnownTld(tld) ? host.replace(/^www\./, '') : null;
}

function sameSite(a: string, b: string): boolean {
  return isSameOrSubdomain(a, b) || isSameOrSubdomain(b, a);
}

function hostOf(url: string): string | null {
  const host = parseLinkHost(url);
  return host ? host.unicodeHost.replace(/^www\./, '') : null;
}

function mismatch(
  accountId: string,
  url: string,
  shown: string,
  target: string,
  form: 'markdown' | 'bare-text',
  level: GuardDecision['level'],
): GuardDecision {
  return {
    id: decisionId('link-text-mismatch', form, shown, url),
    guard: 'link-text-mismatch',
    level,
    message: `The text shows ${shown} but the link goes to ${target}`,
    accountIds: [accountId],
    detail: { guard: 'link-text-mismatch', url, shownDomain: shown, targetHost: target, form },
  };
}

export function linkTextRule(post: OutgoingPost, ctx: GuardContext): GuardDecision[] {
  const out: GuardDecision[] = [];
  const isOrg = (domain: string) =>
    isTrustedHost({ host: domain, unicodeHost: domain, userinfo: null }, ctx.orgDomains);
  for (const { accountId, text } of post.targets) {
    const markdownRanges: Array<[number, number]> = [];
    for (const m of text.matchAll(MARKDOWN_LINK)) {
      markdownRanges.push([m.index, m.index + m[0].length]);
      const url = m[2] ?? '';
      const shown = shownDomain(m[1] ?? '');
      const target = hostOf(url);
      if (!shown || !target || sameSite(shown, target)) continue;
      // Showing our own domain over a link to someone else's is the phishing pattern itself.
      out.push(
        mismatch(
          accountId,
          url,
          shown,
          target,
          'markdown',
          isOrg(shown) && !isOrg(target) ? 'block' : 'confirm',
        ),
      );
    }
    const inMarkdown = (at: number) => markdownRanges.some(([s, e]) => at >= s && at < e);
    const links = findLinks(text).filter((l) => !inMarkdown(l.start));
    const targets = links
      .filter((l) => !l.bare)
      .flatMap((l) => {
        const host = hostOf(l.href);
        return host ? [{ url: l.href, host }] : [];
      });
    if (targets.length === 0) continue;
    for (const mention of links.filter((l) => l.bare)) {
      const shown = shownDomain(mention.text);
      if (!shown || targets.some((t) => sameSite(shown, t.host))) continue;
      const other = targets[0];
      if (!other) continue;
      out.push(
        mismatch(accountId, other.url, shown, other.host, 'bare-text', isOrg(shown) ? 'confirm' : 'warn'),
      );
    }
  }
  return out;
}
