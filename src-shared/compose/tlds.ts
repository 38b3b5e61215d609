// Whether a bare `name.tld` in a post is a domain: the same IANA list (the `tlds` package) Bluesky's own link
// detection uses, so Roost links exactly what the network will. `Node.js` or `file.txt` stay text because
// `js` and `txt` are not top-level domains.
import tldList from 'tlds' with { type: 'json' };

const TLDS: ReadonlySet<string> = new Set(tldList);

export function isKnownTld(tld: string): boolean {
  return TLDS.has(tld.toLowerCase());
}
