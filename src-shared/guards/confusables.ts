// A compact skeleton for domain names: letters that look alike collapse to one Latin form, so
// `exаmple.com` (Cyrillic а), `examp1e.com` and `rnicrosoft.com` all read as the domain they imitate.
// Deliberately small (Latin, Cyrillic, Greek, digits); Unicode's full confusables table is far larger.

const HOMOGLYPHS: Record<string, string> = {
  // Cyrillic
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  х: 'x',
  у: 'y',
  і: 'i',
  ї: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  һ: 'h',
  ԛ: 'q',
  ԝ: 'w',
  ӏ: 'l',
  ɡ: 'g',
  // Greek
  ο: 'o',
  α: 'a',
  ε: 'e',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  β: 'b',
  η: 'n',
  μ: 'u',
  // Latin look-alikes and digits
  ı: 'i',
  ɩ: 'i',
  ɑ: 'a',
  '0': 'o',
  '1': 'l',
  '|': 'l',
};

// Multi-letter shapes that render like one letter in most fonts.
const SEQUENCES: Array<[RegExp, string]> = [
  [/rn/g, 'm'],
  [/vv/g, 'w'],
  [/cl/g, 'd'],
];

/** The look-alike skeleton of a host or label: case, accents and homoglyphs folded away. */
export function skeleton(text: string): string {
  let out = '';
  for (const ch of text.toLowerCase().normalize('NFD')) {
    if (/\p{M}/u.test(ch)) continue;
    out += HOMOGLYPHS[ch] ?? ch;
  }
  for (const [pattern, replacement] of SEQUENCES) out = out.replace(pattern, replacement);
  return out;
}

/** True when `text` uses any character outside printable ASCII (a mixed-script host is suspect by itself). */
export function hasNonAscii(text: string): boolean {
  return /[^\x20-\x7e]/.test(text);
}
