// BCP 47 language tags (RFC 5646 §2.1) as atproto records take them in `langs`, walked subtag by subtag:
// language (lowercase 2–3 letters, up to three extlangs), script, region, variants, extensions, private use,
// plus the grandfathered tags. A repeated variant or extension singleton is refused (§2.2.5, §2.2.6).

// RFC 5646 §2.2.8: the irregular and regular grandfathered tags, taken whole.
const GRANDFATHERED = new Set(
  (
    'en-gb-oed i-ami i-bnn i-default i-enochian i-hak i-klingon i-lux i-mingo i-navajo i-pwn i-tao i-tay ' +
    'i-tsu sgn-be-fr sgn-be-nl sgn-ch-de art-lojban cel-gaulish no-bok no-nyn zh-guoyu zh-hakka zh-min ' +
    'zh-min-nan zh-xiang'
  ).split(' '),
);

const ALNUM = /^[A-Za-z0-9]+$/;

function privateUse(subtags: readonly string[], from: number): boolean {
  // `x` followed by at least one subtag of 1–8 letters or digits.
  const rest = subtags.slice(from + 1);
  return rest.length > 0 && rest.every((s) => s.length >= 1 && s.length <= 8 && ALNUM.test(s));
}

export function isLanguageTag(value: string): boolean {
  if (value.length === 0 || value.length > 64) return false;
  if (GRANDFATHERED.has(value.toLowerCase())) return true;
  const subtags = value.split('-');
  if (/^x$/i.test(subtags[0] as string)) return privateUse(subtags, 0);
  // The primary language is written in lowercase; `JA` or a bare `jaja` is refused.
  if (!/^[a-z]{2,3}$/.test(subtags[0] as string)) return false;
  let i = 1;
  for (let extlangs = 0; extlangs < 3 && /^[A-Za-z]{3}$/.test(subtags[i] ?? ''); extlangs++) i++;
  if (/^[A-Za-z]{4}$/.test(subtags[i] ?? '')) i++; // script
  if (/^(?:[A-Za-z]{2}|[0-9]{3})$/.test(subtags[i] ?? '')) i++; // region
  const variants = new Set<string>();
  while (/^(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3})$/.test(subtags[i] ?? '')) {
    const variant = (subtags[i] as string).toLowerCase();
    if (variants.has(variant)) return false;
    variants.add(variant);
    i++;
  }
  const singletons = new Set<string>();
  while (/^[0-9A-WYZa-wyz]$/.test(subtags[i] ?? '')) {
    const singleton = (subtags[i] as string).toLowerCase();
    if (singletons.has(singleton)) return false;
    singletons.add(singleton);
    i++;
    const first = i;
    while (/^[A-Za-z0-9]{2,8}$/.test(subtags[i] ?? '')) i++;
    if (i === first) return false; // a singleton needs at least one subtag after it
  }
  if (i === subtags.length) return true;
  return /^x$/i.test(subtags[i] as string) && privateUse(subtags, i);
}
