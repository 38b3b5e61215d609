// Case and accent folding shared by the tokenizer, the language guesser and the lexicons:
// "Déçue" and "decue" must meet, and so must the two apostrophes people type.

const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss' };
const COMBINING_MARKS = /\p{M}+/gu;
const LIGATURE_PATTERN = /[œæß]/g;

export function foldText(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(LIGATURE_PATTERN, (c) => LIGATURES[c] ?? c)
    .replace(/[’ʼ‘`´]/g, "'");
}
