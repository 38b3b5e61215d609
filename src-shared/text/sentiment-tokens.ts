// Splits a post into the sentences and tokens the sentiment scorer reads: words (folded, elisions split off),
// emoji, emoticons and clause breaks, with links and @mentions left out. A single pass over the characters
// fills reusable arrays; it finds exactly what the regexes it replaced found (see the differential tests).
import { BoundedMemo } from './bounded-memo.ts';
import {
  EMOJI_MODIFIER,
  LETTER,
  LOWER,
  NUMBER,
  PICTOGRAPH,
  charClass,
  classAt,
  isSpace,
  width,
} from './char-class.ts';
import { foldText } from './fold.ts';
import { RangeTable, hashStep } from './range-table.ts';
import { splitElision } from './tokenize.ts';
import { withoutLinksAndMentions } from './links-and-mentions.ts';

/** The key of a comma or dash, which ends the reach of a negation: "ne marchent pas, file d'attente énorme". */
export const CLAUSE_BREAK = ',';

export type SentimentTokens = {
  count: number;
  /** Folded words; emoji, emoticons and numbers as written; CLAUSE_BREAK for commas and dashes. */
  keys: string[];
  /** Written in capitals: more than one character and no lowercase letter. */
  caps: boolean[];
  /** Emoji, letterless emoticons and numbers: no letter at all. */
  emoji: boolean[];
  /** Where each sentence that has tokens ends (exclusive token index). */
  sentenceEnds: number[];
  sentenceCount: number;
  /** Tokens that are neither emoji nor clause breaks, and how many of those are in capitals. */
  wordCount: number;
  capsCount: number;
};

export function createSentimentTokens(): SentimentTokens {
  return {
    count: 0,
    keys: [],
    caps: [],
    emoji: [],
    sentenceEnds: [],
    sentenceCount: 0,
    wordCount: 0,
    capsCount: 0,
  };
}

/** Folding one word at a time is costly, and posts reuse a small vocabulary. */
const foldedWords = new BoundedMemo<string, string>(20_000, foldText);

const NEWLINE = 0x0a;
const BANG = 0x21;
const APOSTROPHE = 0x27;
const COMMA = 0x2c;
const HYPHEN = 0x2d;
const DOT = 0x2e;
const COLON = 0x3a;
const SEMICOLON = 0x3b;
const LESS = 0x3c;
const EQUALS = 0x3d;
const GREATER = 0x3e;
const QUESTION = 0x3f;
const EN_DASH = 0x2013;
const EM_DASH = 0x2014;
const RIGHT_QUOTE = 0x2019;
const ELLIPSIS = 0x2026;
const ZWJ = 0x200d;
const VARIATION_16 = 0xfe0f;

function isSentenceBreak(c: number): boolean {
  return c === DOT || c === BANG || c === QUESTION || c === SEMICOLON || c === ELLIPSIS || c === NEWLINE;
}

// ---- Tokens -------------------------------------------------------------------------------------------------

function push(out: SentimentTokens, key: string, caps: boolean, emoji: boolean): void {
  const n = out.count;
  out.keys[n] = key;
  out.caps[n] = caps;
  out.emoji[n] = emoji;
  out.count = n + 1;
  if (!emoji && key !== CLAUSE_BREAK) {
    out.wordCount += 1;
    if (caps) out.capsCount += 1;
  }
}

/** A piece of an elided word ("L'" of "L'appli"): its flags are those of its own characters. */
function pushPiece(out: SentimentTokens, raw: string, key: string): void {
  let letters = false;
  let lower = false;
  for (let i = 0; i < raw.length;) {
    const cp = raw.codePointAt(i) as number;
    const flags = charClass(cp);
    if (flags & LETTER) letters = true;
    if (flags & LOWER) lower = true;
    i += width(cp);
  }
  push(out, key, letters && raw.length > 1 && !lower, !letters);
}

/** What the scanner learnt about a unit's characters while reading it. */
const HAS_LETTER = 1;
const HAS_LOWER = 2;
const HAS_UPPER_ASCII = 4;
const NOT_ASCII = 8;
const HAS_APOSTROPHE = 16;

/** Folded keys of plain ASCII words, found straight from the text: no slice, no lowercasing, no rehash. */
const asciiKeys = new RangeTable<string>(15);

/** A word of ASCII letters and digits only (most words): its key is its lowercase form. */
function pushAsciiWord(out: SentimentTokens, text: string, start: number, end: number, seen: number): void {
  let key = asciiKeys.get(text, start, end, wordHash, true);
  if (key === undefined) {
    key = text.slice(start, end).toLowerCase();
    asciiKeys.set(key, wordHash, key);
  }
  if (seen & HAS_LETTER) push(out, key, end - start > 1 && (seen & HAS_LOWER) === 0, false);
  else push(out, key, false, true);
}

/** A word, emoji or emoticon found at [start, end). */
function pushUnit(out: SentimentTokens, text: string, start: number, end: number, seen: number): void {
  const raw = text.slice(start, end);
  if ((seen & HAS_LETTER) === 0) {
    push(out, raw, false, true);
    return;
  }
  const caps = raw.length > 1 && (seen & HAS_LOWER) === 0;
  const first = raw.charCodeAt(0);
  // ":D" and ":P" are kept as typed (and read as capitals, so they count as shouting).
  if (first === COLON || first === SEMICOLON) {
    push(out, raw, caps, false);
    return;
  }
  let key: string;
  if (seen & NOT_ASCII) key = foldedWords.get(raw);
  else key = seen & HAS_UPPER_ASCII ? raw.toLowerCase() : raw;
  const elided = key.indexOf("'") > 0 ? splitElision(key) : null;
  if (!elided) {
    push(out, key, caps, false);
    return;
  }
  const cut = elided[0].length + 1;
  pushPiece(out, raw.slice(0, cut), `${elided[0]}'`);
  pushPiece(out, raw.slice(cut), elided[1]);
}

function closeSentence(out: SentimentTokens): void {
  const ended = out.sentenceCount === 0 ? 0 : (out.sentenceEnds[out.sentenceCount - 1] as number);
  if (out.count === ended) return;
  out.sentenceEnds[out.sentenceCount] = out.count;
  out.sentenceCount += 1;
}

/**
 * [\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*: the end of the word at `start`. What it saw goes to `wordSeen`, and
 * the hash of its lowercase form (meaningful for ASCII words) to `wordHash`.
 */
let wordSeen = 0;
let wordHash = 0;
function wordEnd(text: string, start: number): number {
  let seen = 0;
  let hash = 0;
  let i = start;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a) {
      seen |= HAS_LETTER | HAS_LOWER;
      hash = hashStep(hash, c);
      i += 1;
    } else if (c >= 0x41 && c <= 0x5a) {
      seen |= HAS_LETTER | HAS_UPPER_ASCII;
      hash = hashStep(hash, c + 0x20);
      i += 1;
    } else if (c >= 0x30 && c <= 0x39) {
      hash = hashStep(hash, c);
      i += 1;
    } else if (c === APOSTROPHE || c === RIGHT_QUOTE) {
      // An apostrophe belongs to the word only between two letters or digits.
      if ((classAt(text, i + 1) & (LETTER | NUMBER)) === 0) break;
      seen |= c === RIGHT_QUOTE ? NOT_ASCII : HAS_APOSTROPHE;
      i += 1;
    } else if (c < 0x80) {
      break;
    } else {
      const cp = text.codePointAt(i) as number;
      const flags = charClass(cp);
      if ((flags & (LETTER | NUMBER)) === 0) break;
      seen |= NOT_ASCII;
      if (flags & LETTER) seen |= HAS_LETTER;
      if (flags & LOWER) seen |= HAS_LOWER;
      i += width(cp);
    }
  }
  wordSeen = seen;
  wordHash = hash;
  return i;
}

/**
 * \p{Extended_Pictographic}(?:\uFE0F|\p{EMod}|\u200D\p{Extended_Pictographic})*: one emoji with its
 * presentation selector, skin tone and ZWJ sequence (♀ and ♂ are pictographs too). ℹ is also a letter.
 */
function emojiEnd(text: string, start: number, first: number): number {
  let seen = NOT_ASCII | letterFlags(first);
  let i = start + width(first);
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === VARIATION_16) {
      i += 1;
      continue;
    }
    const cp = text.codePointAt(i) as number;
    if (charClass(cp) & EMOJI_MODIFIER) {
      i += width(cp);
      continue;
    }
    if (c !== ZWJ || i + 1 >= text.length) break;
    const joined = text.codePointAt(i + 1) as number;
    if ((charClass(joined) & PICTOGRAPH) === 0) break;
    seen |= letterFlags(joined);
    i += 1 + width(joined);
  }
  wordSeen = seen;
  return i;
}

function letterFlags(cp: number): number {
  const flags = charClass(cp);
  return (flags & LETTER ? HAS_LETTER : 0) | (flags & LOWER ? HAS_LOWER : 0);
}

/** An emoticon must stand alone: whitespace, a comma or the end of the sentence after it. */
function endsEmoticon(text: string, i: number): boolean {
  if (i >= text.length) return true;
  const c = text.charCodeAt(i);
  return c === COMMA || isSentenceBreak(c) || isSpace(c);
}

function isFace(c: number): boolean {
  // ) ( D P p / |
  return c === 0x29 || c === 0x28 || c === 0x44 || c === 0x50 || c === 0x70 || c === 0x2f || c === 0x7c;
}

/** >:(  :'(  :) :-) =D :P :/ :|…  <3 — tried in the regex's order; -1 when none stands here. */
function emoticonEnd(text: string, i: number): number {
  const c = text.charCodeAt(i);
  const c1 = text.charCodeAt(i + 1);
  const c2 = text.charCodeAt(i + 2);
  if (c === GREATER) return c1 === COLON && c2 === 0x28 && endsEmoticon(text, i + 3) ? i + 3 : -1;
  if (c === LESS) return c1 === 0x33 && endsEmoticon(text, i + 2) ? i + 2 : -1;
  if (c === COLON && c1 === APOSTROPHE && c2 === 0x28 && endsEmoticon(text, i + 3)) return i + 3;
  if (c1 === HYPHEN && isFace(c2) && endsEmoticon(text, i + 3)) return i + 3;
  return isFace(c1) && endsEmoticon(text, i + 2) ? i + 2 : -1;
}

/** Emoticons open only at the start of a sentence or after whitespace. */
function opensEmoticon(text: string, i: number): boolean {
  if (i === 0) return true;
  const c = text.charCodeAt(i - 1);
  return isSentenceBreak(c) || isSpace(c);
}

function emoticonSeen(text: string, start: number, end: number): number {
  let seen = 0;
  for (let i = start; i < end; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 0x44 || c === 0x50) seen |= HAS_LETTER | HAS_UPPER_ASCII;
    else if (c === 0x70) seen |= HAS_LETTER | HAS_LOWER;
  }
  return seen;
}

// What an ASCII character can start (0: nothing), so the scanner decides with one table lookup.
const WORD = 1;
const BREAK = 2;
const CLAUSE = 3;
const EMOTICON = 4;
const ASCII_KIND = new Uint8Array(0x80);
for (let c = 0; c < 0x80; c += 1) {
  if (charClass(c) & (LETTER | NUMBER)) ASCII_KIND[c] = WORD;
  else if (isSentenceBreak(c)) ASCII_KIND[c] = BREAK;
  else if (c === COMMA) ASCII_KIND[c] = CLAUSE;
  else if (c === GREATER || c === COLON || c === EQUALS || c === LESS) ASCII_KIND[c] = EMOTICON;
}

/** Reads the character at `i` and whatever unit starts there; returns where to go on. */
function scanAscii(text: string, i: number, c: number, out: SentimentTokens): number {
  const kind = ASCII_KIND[c];
  if (kind === WORD) {
    const end = wordEnd(text, i);
    if ((wordSeen & (NOT_ASCII | HAS_APOSTROPHE)) === 0) pushAsciiWord(out, text, i, end, wordSeen);
    else pushUnit(out, text, i, end, wordSeen);
    return end;
  }
  if (kind === BREAK) closeSentence(out);
  else if (kind === CLAUSE) push(out, CLAUSE_BREAK, false, false);
  else if (kind === EMOTICON && opensEmoticon(text, i)) {
    const end = emoticonEnd(text, i);
    if (end > 0) {
      pushUnit(out, text, i, end, emoticonSeen(text, i, end));
      return end;
    }
  }
  return i + 1;
}

function scanOther(text: string, i: number, c: number, out: SentimentTokens): number {
  if (c === ELLIPSIS) {
    closeSentence(out);
    return i + 1;
  }
  if (c === EN_DASH || c === EM_DASH) {
    push(out, CLAUSE_BREAK, false, false);
    return i + 1;
  }
  const cp = text.codePointAt(i) as number;
  const flags = charClass(cp);
  let end: number;
  if (flags & PICTOGRAPH) end = emojiEnd(text, i, cp);
  else if (flags & (LETTER | NUMBER)) end = wordEnd(text, i);
  else return i + width(cp);
  pushUnit(out, text, i, end, wordSeen);
  return end;
}

function scan(text: string, out: SentimentTokens): void {
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x20) i += 1;
    else i = c < 0x80 ? scanAscii(text, i, c, out) : scanOther(text, i, c, out);
  }
  closeSentence(out);
}

function reset(out: SentimentTokens): void {
  out.count = 0;
  out.sentenceCount = 0;
  out.wordCount = 0;
  out.capsCount = 0;
}

/** Fills `out` with the sentences and tokens of `text`. */
export function tokenizeForSentiment(text: string, out: SentimentTokens): void {
  reset(out);
  scan(withoutLinksAndMentions(text), out);
}

/** The keys of a lexicon term ("n'importe quoi" → n', importe, quoi): the same reading as a post's words. */
export function termKeys(term: string): string[] {
  const out = createSentimentTokens();
  scan(term, out);
  return out.keys.slice(0, out.count);
}
