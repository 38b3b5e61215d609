// Links in post text as the networks will see them: explicit http(s) URLs everywhere, plus bare
// `name.tld` domains, which Bluesky turns into links.
import { isKnownTld } from './tlds.ts';

export type TextLink = {
  /** Exactly as written in the text. */
  text: string;
  /** What the link will point to: the URL, or `https://` + a bare domain. */
  href: string;
  /** UTF-16 offsets into the text. */
  start: number;
  end: number;
  bare: boolean;
};

// A link starts the text or follows whitespace or an opening bracket, so `me@example.com` is not a link.
const LINK =
  /(^|[\s([{<"'«])((?:https?:\/\/[^\s<>"]+)|(?:[\p{L}\p{N}][\p{L}\p{N}-]*(?:\.[\p{L}\p{N}-]+)+(?:[/?#][^\s<>"]*)?))/giu;
const TRAILING = /[.,;:!?'"»…]+$/u;

function trimLink(raw: string): string {
  let link = raw.replace(TRAILING, '');
  // A closing bracket belongs to the URL only when the URL opened one (Wikipedia-style paths).
  for (const [open, close] of [
    ['(', ')'],
    ['[', ']'],
  ] as const) {
    while (link.endsWith(close) && link.split(open).length < link.split(close).length) {
      link = link.slice(0, -1).replace(TRAILING, '');
    }
  }
  return link;
}

function bareDomainLooksReal(link: string): boolean {
  const host = link.split(/[/?#]/, 1)[0] ?? '';
  const tld = host.slice(host.lastIndexOf('.') + 1);
  return /^\p{L}{2,}$/u.test(tld) && isKnownTld(tld);
}

export function findLinks(text: string): TextLink[] {
  const links: TextLink[] = [];
  for (const m of text.matchAll(LINK)) {
    const lead = m[1] ?? '';
    const link = trimLink(m[2] ?? '');
    const start = m.index + lead.length;
    const explicit = /^https?:\/\//i.test(link);
    if (explicit ? link.length <= link.indexOf('//') + 2 : !bareDomainLooksReal(link)) continue;
    links.push({
      text: link,
      href: explicit ? link : `https://${link}`,
      start,
      end: start + link.length,
      bare: !explicit,
    });
  }
  return links;
}
