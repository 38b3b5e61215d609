// Derives plain text and facets (UTF-16 offsets into that text) from Mastodon's status HTML. This is not
// a sanitiser: the renderer sanitises `html` itself; here we only read text, links, mentions and hashtags.
import type { Facet } from '../../../src-shared/domain/stream-item.ts';

export interface MentionRef {
  readonly url: string;
  readonly acct: string;
}

export interface DerivedText {
  readonly text: string;
  readonly facets: Facet[];
}

const BLOCKS = new Set(['p', 'blockquote', 'pre', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const SKIPPED = new Set(['script', 'style', 'template']);
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const MAX_FACETS = 500;

interface OpenLink {
  readonly start: number;
  readonly href: string;
  readonly className: string;
  readonly rel: string;
}

export function htmlToText(html: string, mentions: readonly MentionRef[] = []): DerivedText {
  let out = '';
  const facets: Facet[] = [];
  let link: OpenLink | null = null;
  let skipping: string | null = null;
  const tagPattern = /<!--[\s\S]{0,10000}?-->|<(\/?)([a-zA-Z][a-zA-Z0-9]{0,20})([^>]{0,2000})>/g;
  let last = 0;

  const breakBlock = (): void => {
    if (out.length === 0) return;
    out = out.replace(/[ \t]+$/, '');
    if (!out.endsWith('\n\n')) out += out.endsWith('\n') ? '\n' : '\n\n';
  };

  for (const match of html.matchAll(tagPattern)) {
    if (skipping === null) out += decodeEntities(html.slice(last, match.index));
    last = match.index + match[0].length;
    const name = match[2]?.toLowerCase();
    if (!name) continue;
    const closing = match[1] === '/';
    if (skipping !== null) {
      if (closing && name === skipping) skipping = null;
      continue;
    }
    if (SKIPPED.has(name) && !closing) {
      skipping = name;
      continue;
    }
    if (name === 'br') out += '\n';
    else if (name === 'li' && !closing) out += out.length === 0 || out.endsWith('\n') ? '' : '\n';
    else if (BLOCKS.has(name)) breakBlock();
    else if (name === 'a' && !closing) {
      const attrs = match[3] ?? '';
      link = {
        start: out.length,
        href: attr(attrs, 'href'),
        className: attr(attrs, 'class'),
        rel: attr(attrs, 'rel'),
      };
    } else if (name === 'a' && closing && link) {
      const facet = facetFor(link, out.slice(link.start), mentions);
      if (facet && facets.length < MAX_FACETS) facets.push({ ...facet, start: link.start, end: out.length });
      link = null;
    }
  }
  if (skipping === null) out += decodeEntities(html.slice(last));
  const text = out.replace(/\s+$/, '');
  return { text, facets: facets.filter((facet) => facet.end <= text.length && facet.start < facet.end) };
}

function facetFor(
  link: OpenLink,
  label: string,
  mentions: readonly MentionRef[],
): { kind: Facet['kind']; value: string } | null {
  const classes = link.className.toLowerCase().split(/\s+/);
  const rels = link.rel.toLowerCase().split(/\s+/);
  if (classes.includes('hashtag') || rels.includes('tag')) {
    const tag = label.replace(/^#/, '').trim();
    return tag ? { kind: 'hashtag', value: tag } : null;
  }
  if (classes.includes('mention')) {
    const known = mentions.find((mention) => mention.url === link.href);
    const value = known?.acct ?? label.replace(/^@/, '').trim();
    return value ? { kind: 'mention', value } : null;
  }
  if (/^https?:\/\//i.test(link.href) && link.href.length <= 4_096) return { kind: 'link', value: link.href };
  return null;
}

function attr(attrs: string, name: string): string {
  const match = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i').exec(attrs);
  return decodeEntities(match?.[1] ?? match?.[2] ?? match?.[3] ?? '');
}

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code =
        body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)
        ? String.fromCodePoint(code)
        : whole;
    }
    return NAMED[body.toLowerCase()] ?? whole;
  });
}
