// A small English/French guesser for items that arrive without a `lang` tag (RSS, some Mastodon servers).
// It weighs stopwords, French diacritics and a few word-shape cues; anything it is not clearly sure of is 'und'.
import { RangeTable, hashRange } from './range-table.ts';
import { scanTokens } from './tokenize.ts';

export type GuessedLanguage = 'en' | 'fr' | 'und';

// Function words that are frequent in one language and rare or absent in the other. Words shared by both
// ("a", "on", "son", "me", "to"… in folded form) are left out on purpose. Keys are folded (no accents).
const EN_STOPWORDS = new Set(
  (
    "the and is are was were of in my i you your it it's this that with for have has had not no at from be been " +
    "but what why how do does did can can't don't doesn't didn't isn't wasn't won't i'm i've i'll we they " +
    'our just so very really again still will would there any all about after before out up today thanks thank ' +
    'please than them their its too only ever never one two who which when where should could get got been being ' +
    "is an or if let's what's it'll you're we're they're my by"
  ).split(' '),
);
const FR_STOPWORDS = new Set(
  (
    'le la les un une des du de et est sont mon ma mes ton ta tes votre vos notre nos je tu il elle nous vous ils ' +
    'elles ce cette ces ca qui que quoi pour par avec sans dans sur pas ne plus mais ou au aux ete etre avoir tres ' +
    'trop toujours encore depuis merci bonjour chez deja aussi rien jamais aucun aucune apres avant quand comment ' +
    'pourquoi leur leurs lui y en cet sont suis etait fait peut faut bien tout tous toute toutes moi toi'
  ).split(' '),
);
const FR_ELISIONS = new Set([
  "l'",
  "d'",
  "j'",
  "n'",
  "m'",
  "t'",
  "s'",
  "c'",
  "qu'",
  "jusqu'",
  "lorsqu'",
  "puisqu'",
]);
const FR_LETTERS = new Set(Array.from('éèêëàâùûçôîïœ', (c) => c.charCodeAt(0)));
const EN_SHAPE = /^(?:th|wh)|(?:ing|ght|ould|ly)$/;
const FR_SHAPE = /(?:eaux?|eux|aux|ais|ait|aient|ez|ee|ees|oi|oir|ier|iere)$/;

export type LanguageEvidence = { en: number; fr: number };

// What one token says, decided once per distinct token and cached: a post reuses a small vocabulary.
const NOTHING = 0;
const FR_ELISION = 1; // fr + 1.5
const EN_STOPWORD = 2; // en + 1
const FR_STOPWORD = 3; // fr + 1
const EN_LOOK = 4; // en + 0.4
const FR_LOOK = 8; // fr + 0.4 (may come with EN_LOOK)

function tokenEvidence(token: string): number {
  if (FR_ELISIONS.has(token)) return FR_ELISION;
  if (EN_STOPWORDS.has(token)) return EN_STOPWORD;
  if (FR_STOPWORDS.has(token)) return FR_STOPWORD;
  if (token.length <= 3) return NOTHING;
  return (EN_SHAPE.test(token) ? EN_LOOK : 0) | (FR_SHAPE.test(token) ? FR_LOOK : 0);
}

/** Evidence by token, found straight from the tokenizer's text without cutting the token out. */
const evidenceOf = new RangeTable<number>(15);
const AT = 0x40;
const HASH = 0x23;
const TOKENS = { dropUrls: true, keepElisions: true } as const;

/** Adds up the evidence of the text's tokens, in order (sums of floats depend on the order). */
function addWords(text: string, sums: LanguageEvidence): void {
  scanTokens(text, TOKENS, (folded, start, end) => {
    const first = folded.charCodeAt(start);
    if (first === AT || first === HASH) return; // @mentions and #hashtags are names, not language
    const hash = hashRange(folded, start, end);
    let evidence = evidenceOf.get(folded, start, end, hash, false);
    if (evidence === undefined) {
      const token = folded.slice(start, end);
      evidence = tokenEvidence(token);
      evidenceOf.set(token, hash, evidence);
    }
    addEvidence(sums, evidence);
  });
}

/** How many of éèêëàâùûçôîïœ the text has, up to `max` (/[éèêëàâùûçôîïœ]/gu, counted by hand). */
function frenchLetters(text: string, max: number): number {
  let n = 0;
  for (let i = 0; i < text.length && n < max; i += 1) {
    const c = text.charCodeAt(i);
    if (c >= 0xe0 && FR_LETTERS.has(c)) n += 1;
  }
  return n;
}

export function languageEvidence(text: string): LanguageEvidence {
  const sums: LanguageEvidence = { en: 0, fr: 0 };
  addWords(text, sums);
  sums.fr += frenchLetters(text, 6) * 0.6;
  return sums;
}

function addEvidence(sums: LanguageEvidence, evidence: number): void {
  if (evidence === FR_ELISION) sums.fr += 1.5;
  else if (evidence === EN_STOPWORD) sums.en += 1;
  else if (evidence === FR_STOPWORD) sums.fr += 1;
  else {
    if (evidence & EN_LOOK) sums.en += 0.4;
    if (evidence & FR_LOOK) sums.fr += 0.4;
  }
}

/** Below this much evidence, or this lopsidedness, the text is too short or too mixed to call. */
const MIN_EVIDENCE = 1.5;
const MIN_SHARE = 0.65;

export function guessLanguage(text: string): GuessedLanguage {
  const { en, fr } = languageEvidence(text);
  const total = en + fr;
  if (total < MIN_EVIDENCE) return 'und';
  if (en / total >= MIN_SHARE) return 'en';
  if (fr / total >= MIN_SHARE) return 'fr';
  return 'und';
}

/** 'en-GB' → 'en'. Returns null for a missing or empty tag. */
export function primaryLanguage(tag: string | null | undefined): string | null {
  if (!tag) return null;
  const tidy = tag.trim().toLowerCase();
  let cut = 0;
  while (cut < tidy.length && tidy[cut] !== '-' && tidy[cut] !== '_') cut += 1;
  return cut > 0 ? tidy.slice(0, cut) : null;
}
