// A small English/French guesser for items that arrive without a `lang` tag (RSS, some Mastodon servers).
// It weighs stopwords, French diacritics and a few word-shape cues; anything it is not clearly sure of is 'und'.
import { LETTER, NUMBER, SPACE, charClass, classAt, mentionEnd, width } from './char-class.ts';
import { foldText } from './fold.ts';
import { RangeTable, hashStep } from './range-table.ts';
import { splitElision } from './tokenize.ts';

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

/** Whether the tokenizer treats `head'` as an elision (it keeps its list private; splitElision answers). */
function isElisionHead(head: string): boolean {
  return !head.includes("'") && splitElision(`${head}'x`) !== null;
}

/**
 * The evidence of a word as the tokenizer would cut it (keeping elisions): up to two tokens, the second in
 * the high bits, so they are added in the same order as before (sums of floats depend on it).
 */
function wordEvidence(word: string): number {
  if (word.endsWith("'")) {
    const head = word.slice(0, -1);
    return tokenEvidence(isElisionHead(head) ? word : head);
  }
  const elided = splitElision(word);
  if (!elided) return tokenEvidence(word);
  return tokenEvidence(`${elided[0]}'`) | (tokenEvidence(elided[1]) << 4);
}

/** Evidence by word, found straight from the folded text without cutting the word out. */
const evidenceOf = new RangeTable<number>(15);

function cachedWordEvidence(folded: string, start: number, end: number, hash: number): number {
  let evidence = evidenceOf.get(folded, start, end, hash, false);
  if (evidence === undefined) {
    const word = folded.slice(start, end);
    evidence = wordEvidence(word);
    evidenceOf.set(word, hash, evidence);
  }
  return evidence;
}

const H = 0x68;
const HASH = 0x23;
const AT = 0x40;
const APOSTROPHE = 0x27;
const UNDERSCORE = 0x5f;

/** https?:\/\/[^\s<>"]+ at `i` in folded text: the end of the link, or -1. */
function urlEnd(text: string, i: number): number {
  let j = i + 4;
  if (!text.startsWith('http', i)) return -1;
  if (text.charCodeAt(j) === 0x73) j += 1;
  if (!text.startsWith('://', j)) return -1;
  const start = j + 3;
  let end = start;
  while (end < text.length) {
    const c = text.charCodeAt(end);
    if (c === 0x3c || c === 0x3e || c === 0x22 || (charClass(c) & SPACE) !== 0) break;
    end += 1;
  }
  return end > start ? end : -1;
}

function isWordChar(text: string, i: number): boolean {
  return (classAt(text, i) & (LETTER | NUMBER)) !== 0;
}

/** [\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*'? at `i` in folded text: the end of the word; its hash in `wordHash`. */
let wordHash = 0;
function wordEnd(text: string, i: number): number {
  let j = i;
  let hash = 0;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a)) {
      hash = hashStep(hash, c);
      j += 1;
    } else if (c === APOSTROPHE) {
      // Inside a word between two letters, or a trailing elision ("d'" before "@Orange").
      hash = hashStep(hash, c);
      j += 1;
      if (!isWordChar(text, j)) break;
    } else if (c < 0x80) {
      break;
    } else {
      const cp = text.codePointAt(j) as number;
      if ((charClass(cp) & (LETTER | NUMBER)) === 0) break;
      hash = hashStep(hash, c);
      if (cp > 0xffff) hash = hashStep(hash, text.charCodeAt(j + 1));
      j += width(cp);
    }
  }
  wordHash = hash;
  return j;
}

/** #[\p{L}\p{N}_]+ at `i`: the end of the hashtag, or -1. */
function hashtagEnd(text: string, i: number): number {
  let j = i + 1;
  while (j < text.length) {
    const cp = text.codePointAt(j) as number;
    if (cp !== UNDERSCORE && (charClass(cp) & (LETTER | NUMBER)) === 0) break;
    j += width(cp);
  }
  return j > i + 1 ? j : -1;
}

/** Links, @mentions and #hashtags name things; they say nothing of the language. The end of one at `i`, or -1. */
function nameEnd(folded: string, i: number, c: number): number {
  if (c === H) return urlEnd(folded, i);
  if (c === AT) return mentionEnd(folded, i);
  return c === HASH ? hashtagEnd(folded, i) : -1;
}

/** Walks the folded text as `tokenize(text, { dropUrls: true, keepElisions: true })` does, adding up its words. */
function addWords(folded: string, sums: LanguageEvidence): void {
  let i = 0;
  while (i < folded.length) {
    const c = folded.charCodeAt(i);
    if (c === 0x20) {
      i += 1;
      continue;
    }
    const skip = nameEnd(folded, i, c);
    if (skip > 0) {
      i = skip;
      continue;
    }
    const cp = c < 0x80 ? c : (folded.codePointAt(i) as number);
    if ((charClass(cp) & (LETTER | NUMBER)) === 0) {
      i += width(cp);
      continue;
    }
    const end = wordEnd(folded, i);
    const evidence = cachedWordEvidence(folded, i, end, wordHash);
    addEvidence(sums, evidence & 15);
    addEvidence(sums, evidence >> 4);
    i = end;
  }
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
  addWords(foldText(text), sums);
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
