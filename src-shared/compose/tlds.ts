// Top-level domains common enough that a bare `name.tld` in a post is almost surely a domain. Bluesky
// links bare domains; a short list keeps `Node.js` or `file.txt` from turning into links.
const COMMON_TLDS = new Set(
  (
    'com net org edu gov int mil info biz name pro io co ai app dev me tv cc ly gl gd to fm am be eu uk ' +
    'fr de es it nl pt ch at se no dk fi pl cz ie ca us mx br ar au nz jp cn kr in ru ua gr tr za ' +
    'social news blog shop store online site tech cloud xyz club link page live media network world ' +
    'lu mc ma sn tn dz qc bzh paris'
  ).split(' '),
);

export function isCommonTld(tld: string): boolean {
  return COMMON_TLDS.has(tld.toLowerCase());
}
