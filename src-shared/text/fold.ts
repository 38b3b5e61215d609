// Case and accent folding shared by the tokenizer, the language guesser and the lexicons:
// "Déçue" and "decue" must meet, and so must the two apostrophes people type.

const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss' };
const COMBINING_MARKS = /\p{M}+/gu;
const LIGATURE_PATTERN = /[œæß]/g;

/** Printable ASCII, tabs and line breaks: text whose folding is only lowercasing. */
const ASCII_ONLY = /^[\t\n\r -~]*$/;

export function foldText(text: string): string {
  // Most posts are plain ASCII, where folding is lowercasing: no marks, ligatures or curly quotes to undo.
  if (ASCII_ONLY.test(text)) {
    const lower = text.toLowerCase();
    return lower.includes('`') ? lower.replaceAll('`', "'") : lower;
  }
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(LIGATURE_PATTERN, (c) => LIGATURES[c] ?? c)
    .replace(/[’ʼ‘`´]/g, "'");
}
