// Does a host imitate one of the organisation's domains? Homoglyphs (`exаmple.com`, `examp1e.com`,
// `rnicrosoft.com`), the real domain embedded in another (`example.com.evil.net`, `example-com.net`),
// the brand name with a word attached (`login-example.com`), or a domain posing as `user@`.
import { skeleton } from './confusables.ts';
import { isSameOrSubdomain, normaliseDomain, type LinkHost } from './hosts.ts';
import type { LookalikeTechnique } from './types.ts';

export type Lookalike = { imitates: string; technique: LookalikeTechnique };

// Shorter brand labels (`ab`, `io`) would match half the web as affixes.
const MIN_LABEL_FOR_AFFIX = 4;

export function isTrustedHost(host: LinkHost, orgDomains: readonly string[]): boolean {
  return orgDomains.some((d) => isSameOrSubdomain(host.host, d) || isSameOrSubdomain(host.unicodeHost, d));
}

// Called only for hosts that are not the domain itself nor one of its subdomains.
function imitation(hostText: string, domain: string): LookalikeTechnique | null {
  const hostSkeleton = skeleton(hostText);
  const domainSkeleton = skeleton(domain);
  const brand = domain.split('.')[0] ?? '';
  const brandSkeleton = skeleton(brand);
  const labels = hostText.split('.');
  const nameLabels = labels.slice(0, -1);

  if (hostSkeleton === domainSkeleton || hostSkeleton.endsWith(`.${domainSkeleton}`)) return 'homoglyph';
  // Same brand under another TLD, but only when it was disguised (a plain `example.net` may be anyone).
  if (nameLabels.some((l) => l !== brand && skeleton(l) === brandSkeleton)) return 'homoglyph';
  if (hostSkeleton.startsWith(`${domainSkeleton}.`) || hostSkeleton.includes(`.${domainSkeleton}.`))
    return 'embedded-domain';
  const hyphenated = domainSkeleton.replace(/\./g, '-');
  if (nameLabels.some((l) => skeleton(l).split(/-+/).join('-').includes(hyphenated)))
    return 'hyphenated-domain';
  if (
    brand.length >= MIN_LABEL_FOR_AFFIX &&
    nameLabels.some((l) => l.includes('-') && skeleton(l).split('-').includes(brandSkeleton))
  ) {
    return 'affixed-label';
  }
  return null;
}

export function findLookalike(host: LinkHost, orgDomains: readonly string[]): Lookalike | null {
  if (host.userinfo !== null) {
    const posing = normaliseDomain(host.userinfo.split(':')[0] ?? '');
    if (posing) return { imitates: posing, technique: 'userinfo' };
  }
  if (isTrustedHost(host, orgDomains)) return null;
  for (const domain of orgDomains) {
    const technique = imitation(host.unicodeHost, domain);
    if (technique) return { imitates: domain, technique };
  }
  return null;
}
