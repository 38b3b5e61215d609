// Test-only oracle: the language code as it was before the fast rewrite, kept verbatim so differential tests can
// prove the rewrite returns identical results. Do not optimise this file.
// A small English/French guesser for items that arrive without a `lang` tag (RSS, some Mastodon servers).
// It weighs stopwords, French diacritics and a few word-shape cues; anything it is not clearly sure of is 'und'.
import { oracleTokenize as tokenize } from './tokenize-oracle.ts';

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
const FR_LETTERS = /[éèêëàâùûçôîïœ]/gu;
const EN_SHAPE = /^(?:th|wh)|(?:ing|ght|ould|ly)$/;
const FR_SHAPE = /(?:eaux?|eux|aux|ais|ait|aient|ez|ee|ees|oi|oir|ier|iere)$/;

export type LanguageEvidence = { en: number; fr: number };

export function languageEvidence(text: string): LanguageEvidence {
  let en = 0;
  let fr = 0;
  for (const token of tokenize(text, { dropUrls: true, keepElisions: true })) {
    const c = token.charCodeAt(0);
    if (c === 64 || c === 35) continue; // @mentions and #hashtags are names, not language
    if (FR_ELISIONS.has(token)) fr += 1.5;
    else if (EN_STOPWORDS.has(token)) en += 1;
    else if (FR_STOPWORDS.has(token)) fr += 1;
    else if (token.length > 3) {
      if (EN_SHAPE.test(token)) en += 0.4;
      if (FR_SHAPE.test(token)) fr += 0.4;
    }
  }
  const accents = text.match(FR_LETTERS)?.length ?? 0;
  fr += Math.min(accents, 6) * 0.6;
  return { en, fr };
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
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  return primary ? primary : null;
}
