// The local block list: a plain-text file, one domain per line, `#` starts a comment. An entry blocks the
// domain and every subdomain of it.
import { normaliseDomain } from './hosts.ts';
import { hostToUnicode } from './punycode.ts';

export type BlockList = {
  /** Normalised domain → the entry as listed; each is also keyed by its decoded (Unicode) form. */
  readonly domains: ReadonlyMap<string, string>;
  /** Lines that are not a domain, with their 1-based line number, for the settings screen. */
  readonly invalid: ReadonlyArray<{ line: number; text: string }>;
};

export const EMPTY_BLOCK_LIST: BlockList = { domains: new Map(), invalid: [] };

export function parseBlockList(source: string): BlockList {
  const domains = new Map<string, string>();
  const invalid: Array<{ line: number; text: string }> = [];
  source.split(/\r?\n/).forEach((raw, index) => {
    const text = raw.replace(/#.*$/, '').trim();
    if (text === '') return;
    const domain = normaliseDomain(text);
    if (!domain) {
      invalid.push({ line: index + 1, text });
      return;
    }
    domains.set(domain, domain);
    domains.set(hostToUnicode(domain), domain);
  });
  return { domains, invalid };
}

/** The block-list entry covering `host`, or null. */
export function blockListEntryFor(list: BlockList, host: string): string | null {
  const candidates = [host, hostToUnicode(host)];
  for (const candidate of candidates) {
    const labels = candidate.split('.');
    for (let i = 0; i < labels.length - 1; i++) {
      const suffix = labels.slice(i).join('.');
      const entry = list.domains.get(suffix);
      if (entry) return entry;
    }
  }
  return null;
}
