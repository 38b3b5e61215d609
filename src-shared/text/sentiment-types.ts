// The shape of a sentiment lexicon, shared by the English and French word lists and the scorer.

export type SentimentLanguage = 'en' | 'fr';

export type SentimentLexicon = {
  language: SentimentLanguage;
  /** Word or phrase → valence on VADER's −4…+4 scale. Keys may carry accents; the scorer folds them. */
  valences: Readonly<Record<string, number>>;
  /** Intensifiers (> 0) and dampeners (< 0): added to the magnitude of the next sentiment word. */
  boosters: Readonly<Record<string, number>>;
  /** Words that flip and damp the valence of a sentiment word up to three words after them. */
  negators: readonly string[];
  /** Negators that count only after `ne`/`n'` earlier in the sentence (French `plus`). */
  conditionalNegators: readonly string[];
  /**
   * Negators that also reach back to the word just before them when nothing earlier negates it: French
   * puts `pas` after the verb, and speech often drops the `ne` ("j'aime pas", "je recommande jamais").
   */
  postVerbalNegators: readonly string[];
  /** "but": the clause after it weighs more, the one before less. */
  contrast: readonly string[];
  /** Phrases that strengthen a negation anywhere in the sentence ("not happy at all"). */
  emphaticNegation: readonly string[];
  /** Other spellings to try when a word is not in the lexicon (plural, feminine). */
  variants: (word: string) => string[];
};
