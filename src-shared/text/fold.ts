// Case and accent folding shared by the tokenizer, the language guesser and the lexicons:
// "Déçue" and "decue" must meet, and so must the two apostrophes people type.

const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss' };
const COMBINING_MARKS = /\p{M}+/gu;
const LIGATURE_PATTERN = /[œæß]/g;
const QUOTES = /[’ʼ‘`´]/g;

/** Lowercased text that folding leaves alone: ASCII without the backtick. */
const FOLDED_ASCII = /^[\0-_a-\x7f]*$/;

/**
 * How one code point (already lowercased) folds: decomposed, marks dropped, ligatures spelled out, quotes
 * made straight. Only characters that fold to something else are kept, so a miss means "unchanged".
 */
const foldedChars = new Map<number, string>();
/** Per BMP code unit: 0 not looked at yet, 1 folds to itself, 2 folds to what foldedChars holds. */
const bmpState = new Uint8Array(0x10000);

function foldCodePoint(cp: number): string {
  return String.fromCodePoint(cp)
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(LIGATURE_PATTERN, (c) => LIGATURES[c] ?? c)
    .replace(QUOTES, "'");
}

/** The folding of one code point, or null when it folds to itself. */
function foldedOf(cp: number): string | null {
  if (cp < 0x10000) {
    const state = bmpState[cp];
    if (state === 1) return null;
    if (state === 2) return foldedChars.get(cp) ?? null;
  } else if (foldedChars.has(cp)) {
    return foldedChars.get(cp) ?? null;
  }
  const folded = foldCodePoint(cp);
  const same = folded === String.fromCodePoint(cp);
  if (cp < 0x10000) bmpState[cp] = same ? 1 : 2;
  // Astral code points that fold to themselves are remembered as themselves (rare enough for a Map).
  foldedChars.set(cp, folded);
  return same ? null : folded;
}

/**
 * Folds text that is already lowercased. Lowercasing stays a whole-text step because it depends on context
 * (Greek final sigma); the rest works one code point at a time, which gives the same result as decomposing the
 * whole text because canonical reordering only moves combining marks, and those are dropped anyway.
 */
export function foldLowercased(lower: string): string {
  if (FOLDED_ASCII.test(lower)) return lower;
  // Pieces are joined at the end: one flat string is cheaper for the tokenizer to read than a chain of concatenations.
  const parts: string[] = [];
  let kept = 0;
  const n = lower.length;
  for (let i = 0; i < n; i++) {
    const c = lower.charCodeAt(i);
    if (c < 0x80) {
      if (c !== 0x60 /* ` */) continue;
      parts.push(lower.slice(kept, i), "'");
      kept = i + 1;
      continue;
    }
    let cp = c;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const low = lower.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) cp = (c - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
    }
    const folded = foldedOf(cp);
    const width = cp > 0xffff ? 2 : 1;
    if (folded !== null) {
      parts.push(lower.slice(kept, i), folded);
      kept = i + width;
    }
    i += width - 1;
  }
  if (kept === 0) return lower;
  parts.push(lower.slice(kept));
  return parts.join('');
}

export function foldText(text: string): string {
  return foldLowercased(text.toLowerCase());
}
