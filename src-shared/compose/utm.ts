// Campaign tagging: utm_* parameters added to every http(s) link of a post variant. Parameters the
// author already wrote win; other parameters, their order and the #fragment are left exactly as typed.
import type { Network } from '../domain/account.ts';
import { isSameOrSubdomain, normaliseDomain, parseLinkHost } from '../guards/hosts.ts';
import { findLinks } from './links.ts';

export type UtmSettings = {
  campaign: string;
  /** Defaults to `social`. */
  medium?: string;
  /** Defaults to the network name (`bluesky`, `mastodon`). */
  source?: string;
  content?: string | null;
  /** When non-empty, only links to these domains (and their subdomains) are tagged. */
  onlyDomains?: readonly string[] | null;
  /** Links to these domains are never tagged (a link shortener's own short links, for instance). */
  exceptDomains?: readonly string[] | null;
};

export type UtmParams = { utm_source: string; utm_medium: string; utm_campaign: string; utm_content: string };

export function utmParamsFor(network: Network, settings: UtmSettings): UtmParams {
  return {
    utm_source: settings.source ?? network,
    utm_medium: settings.medium ?? 'social',
    utm_campaign: settings.campaign,
    utm_content: settings.content ?? '',
  };
}

function queryKey(pair: string): string {
  const raw = pair.split('=', 1)[0] ?? '';
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' ')).toLowerCase();
  } catch {
    return raw.toLowerCase();
  }
}

/** Adds the missing, non-empty utm_* parameters to one URL. */
export function addUtmToUrl(url: string, params: UtmParams): string {
  const hashAt = url.indexOf('#');
  const fragment = hashAt === -1 ? '' : url.slice(hashAt);
  const beforeFragment = hashAt === -1 ? url : url.slice(0, hashAt);
  const queryAt = beforeFragment.indexOf('?');
  const base = queryAt === -1 ? beforeFragment : beforeFragment.slice(0, queryAt);
  const query = queryAt === -1 ? '' : beforeFragment.slice(queryAt + 1);
  const present = new Set(query.split('&').filter(Boolean).map(queryKey));
  const additions = Object.entries(params)
    .filter(([key, value]) => value !== '' && !present.has(key))
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`);
  if (additions.length === 0) return url;
  const separator = query === '' || query.endsWith('&') ? '' : '&';
  return `${base}?${query}${separator}${additions.join('&')}${fragment}`;
}

export type UtmResult = { text: string; changed: Array<{ from: string; to: string }> };

/** Tags every explicit http(s) link in `text`; bare domains are left alone so the text reads as typed. */
export function addUtmToText(text: string, network: Network, settings: UtmSettings): UtmResult {
  const params = utmParamsFor(network, settings);
  const only = (settings.onlyDomains ?? []).map(normaliseDomain).filter((d): d is string => d !== null);
  const except = (settings.exceptDomains ?? []).map(normaliseDomain).filter((d): d is string => d !== null);
  const changed: UtmResult['changed'] = [];
  let out = text;
  for (const link of findLinks(text)
    .filter((l) => !l.bare)
    .reverse()) {
    const host = parseLinkHost(link.text);
    if (!host) continue;
    if (
      only.length > 0 &&
      !only.some((d) => isSameOrSubdomain(host.host, d) || isSameOrSubdomain(host.unicodeHost, d))
    )
      continue;
    if (except.some((d) => isSameOrSubdomain(host.host, d) || isSameOrSubdomain(host.unicodeHost, d)))
      continue;
    const tagged = addUtmToUrl(link.text, params);
    if (tagged === link.text) continue;
    out = out.slice(0, link.start) + tagged + out.slice(link.end);
    changed.unshift({ from: link.text, to: tagged });
  }
  return { text: out, changed };
}
