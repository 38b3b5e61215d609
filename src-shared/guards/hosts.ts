// Reading the host out of a link as written (never through `new URL`, which would already have turned
// Unicode into Punycode and hidden a `user@` prefix), and comparing hosts by domain suffix.
import { hostToUnicode } from './punycode.ts';

export type LinkHost = {
  /** Lowercased host as written, without port or trailing dot (may be Unicode or `xn--`). */
  host: string;
  /** The same host with every `xn--` label decoded. */
  unicodeHost: string;
  /** Text before an `@` in the authority (`https://example.com@evil.net` → `example.com`), or null. */
  userinfo: string | null;
};

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

export function parseLinkHost(url: string): LinkHost | null {
  const scheme = SCHEME.exec(url);
  const rest = scheme ? url.slice(scheme[0].length) : url;
  const authorityEnd = rest.search(/[/?#\\]/);
  const authority = authorityEnd === -1 ? rest : rest.slice(0, authorityEnd);
  const at = authority.lastIndexOf('@');
  const userinfo = at === -1 ? null : authority.slice(0, at);
  let host = (at === -1 ? authority : authority.slice(at + 1)).toLowerCase();
  if (host.startsWith('[')) return null; // IPv6 literal: no domain to compare
  host = host.replace(/:\d*$/, '').replace(/\.$/, '');
  // Ideographic and fullwidth dots act as label separators in IDNA.
  host = host.replace(/[\u3002\uff0e\uff61]/g, '.');
  if (host === '' || host.includes('..')) return null;
  return { host, unicodeHost: hostToUnicode(host), userinfo };
}

/** `host` is `domain` or one of its subdomains. */
export function isSameOrSubdomain(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

/** Normalises a configured domain (`@Example.COM.`, `https://example.com/x`, `*.example.com`) to `example.com`. */
export function normaliseDomain(input: string): string | null {
  const trimmed = input.trim().replace(/^\*\./, '');
  if (trimmed === '') return null;
  const parsed = parseLinkHost(trimmed.replace(/^@/, ''));
  if (!parsed) return null;
  return /^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+$/u.test(parsed.host) ? parsed.host : null;
}
