// The word tokenizer used by search and column filters: folded (lowercase, no accents), hashtags and
// mentions kept whole with their sigil, French elisions split off (l'appli → appli, qu'il → il).
import { BoundedMemo } from './bounded-memo.ts';
import { foldLowercased } from './fold.ts';

// Elided French articles, pronouns and conjunctions that attach to the next word with an apostrophe.
const ELISIONS = new Set([
  'l',
  'd',
  'j',
  'n',
  'm',
  't',
  's',
  'c',
  'qu',
  'jusqu',
  'lorsqu',
  'puisqu',
  'quoiqu',
]);
/** Longest entry of ELISIONS: longer heads are not looked up (saves a slice per word). */
const MAX_ELISION = 6;

export type TokenizeOptions = {
  /** Leave URLs out (sentiment and language do; search keeps them as one token). */
  dropUrls?: boolean;
  /** Keep `n'`, `l'`, `qu'`… as tokens of their own instead of dropping them (negation needs `n'`). */
  keepElisions?: boolean;
};

/** Receives one token: the range [start, end) of `text`. */
export type TokenSink = (text: string, start: number, end: number) => void;

export function splitElision(word: string): [string, string] | null {
  const quote = word.indexOf("'");
  if (quote <= 0 || quote === word.length - 1) return null;
  const head = word.slice(0, quote);
  return ELISIONS.has(head) ? [head, word.slice(quote + 1)] : null;
}

/*
 * The grammar (the same as the regular expression this scanner replaced, tried in this order at each position):
 *   URL      https?://[^\s<>"]+                       trailing .,;:!?')] dropped
 *   mention  @W+([.-]W+)*(@H+(\.H+)+)?                 @user, @user.name, @user@server.example
 *   hashtag  #W+
 *   word     A+('A+)*'?                                a trailing apostrophe marks a possible elision
 * where A is a Unicode letter or number (\p{L}\p{N}), W is A or "_", H is A or "-". Where nothing matches,
 * the scan moves on by one code point.
 */

const APOSTROPHE = 0x27;
const HYPHEN = 0x2d;
const DOT = 0x2e;
const AT = 0x40;
const BACKTICK = 0x60;

/** What a character can start, below 0x80. */
const SKIP = 0;
const ALNUM = 1;
const LETTER_H = 2;
const SIGIL_AT = 3;
const SIGIL_HASH = 4;
/** Becomes an apostrophe when folded: the ASCII pass cannot go on. */
const FOLDS = 5;
const ASCII_KIND = new Uint8Array(0x80);

/** ASCII letters and digits (A), plus "_" for names (W), plus "-" for servers (H). */
const ASCII_ALNUM = new Uint8Array(0x80);
for (let c = 0x30; c <= 0x39; c++) ASCII_ALNUM[c] = 1;
for (let c = 0x41; c <= 0x5a; c++) ASCII_ALNUM[c] = 1;
for (let c = 0x61; c <= 0x7a; c++) ASCII_ALNUM[c] = 1;
const ASCII_WORD = ASCII_ALNUM.slice();
ASCII_WORD[0x5f /* _ */] = 1;
const ASCII_HOST = ASCII_ALNUM.slice();
ASCII_HOST[HYPHEN] = 1;
for (let c = 0; c < 0x80; c++) ASCII_KIND[c] = ASCII_ALNUM[c] === 1 ? ALNUM : SKIP;
ASCII_KIND[0x68 /* h */] = LETTER_H;
ASCII_KIND[AT] = SIGIL_AT;
ASCII_KIND[0x23 /* # */] = SIGIL_HASH;
ASCII_KIND[BACKTICK] = FOLDS;

/** Characters a URL ends before, below 0x80 (\s, <, >, "). */
const ASCII_URL_END = new Uint8Array(0x80);
for (const c of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0x3c, 0x3e, 0x22]) ASCII_URL_END[c] = 1;

/** Characters stripped from the end of a URL: . , ; : ! ? ' ) ] */
const URL_TRAILER = new Uint8Array(0x80);
for (const c of ".,;:!?')]") URL_TRAILER[c.charCodeAt(0)] = 1;

const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;
const WHITESPACE = /^\s$/;
/** Per BMP code unit: 0 not looked at yet, 1 letter or number, 2 neither. */
const bmpAlnum = new Uint8Array(0x10000);
const astralAlnum = new BoundedMemo<number, boolean>(4_096, (cp) =>
  LETTER_OR_NUMBER.test(String.fromCodePoint(cp)),
);
/** Per BMP code unit: 0 not looked at yet, 1 whitespace, 2 not (no astral code point is \s). */
const bmpSpace = new Uint8Array(0x10000);

function isAlnumCodePoint(cp: number): boolean {
  if (cp < 0x10000) {
    let state = bmpAlnum[cp];
    if (state === 0) {
      state = LETTER_OR_NUMBER.test(String.fromCharCode(cp)) ? 1 : 2;
      bmpAlnum[cp] = state;
    }
    return state === 1;
  }
  return astralAlnum.get(cp);
}

function isUrlEnd(c: number): boolean {
  if (c < 0x80) return ASCII_URL_END[c] === 1;
  let state = bmpSpace[c];
  if (state === 0) {
    state = WHITESPACE.test(String.fromCharCode(c)) ? 1 : 2;
    bmpSpace[c] = state;
  }
  return state === 1;
}

/**
 * One pass over a text. The ASCII pass runs on merely lowercased text and gives up (`bail`) as soon as it
 * reads a character that folding could change; everything it read before that is the same in the folded text.
 */
type Scan = {
  readonly text: string;
  readonly length: number;
  readonly ascii: boolean;
  bail: boolean;
  /** Where the last word scanned has its first inner apostrophe, -1 if none. */
  firstQuote: number;
};

/**
 * The code unit at `j` (NaN past the end), for lookaheads over characters no run has read yet. (Where a run
 * stopped, it has already checked the character it stopped at.)
 */
function peek(scan: Scan, j: number): number {
  const c = scan.text.charCodeAt(j);
  if (scan.ascii && (c >= 0x80 || c === BACKTICK)) scan.bail = true;
  return c;
}

/** Width of the code point at `i` (whose first unit is `c`) if its being a letter or number is `wanted`. */
function codePointWidthIf(scan: Scan, i: number, c: number, wanted: boolean): number {
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < scan.length) {
    const low = scan.text.charCodeAt(i + 1);
    if (low >= 0xdc00 && low <= 0xdfff) {
      const cp = (c - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
      return isAlnumCodePoint(cp) === wanted ? 2 : 0;
    }
  }
  return isAlnumCodePoint(c) === wanted ? 1 : 0;
}

/**
 * End of a run of letters and numbers starting at `i`; `table` says which ASCII characters belong (letters and
 * numbers, plus "_" or "-" where the grammar allows them).
 */
function runEnd(scan: Scan, i: number, table: Uint8Array): number {
  const { text, length } = scan;
  while (i < length) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (table[c] === 1) {
        i++;
        continue;
      }
      if (c === BACKTICK && scan.ascii) scan.bail = true;
      return i;
    }
    if (scan.ascii) {
      scan.bail = true;
      return i;
    }
    const width = codePointWidthIf(scan, i, c, true);
    if (width === 0) return i;
    i += width;
  }
  return i;
}

/** End of the URL starting at `i` (on an "h"), or -1 when there is none. */
function urlEnd(scan: Scan, i: number): number {
  if (peek(scan, i + 1) !== 0x74 || peek(scan, i + 2) !== 0x74 || peek(scan, i + 3) !== 0x70) return -1;
  let j = i + 4;
  if (peek(scan, j) === 0x73 /* s */) j++;
  if (peek(scan, j) !== 0x3a || peek(scan, j + 1) !== 0x2f || peek(scan, j + 2) !== 0x2f) return -1;
  j += 3;
  const start = j;
  const { text, length } = scan;
  for (; j < length; j++) {
    const c = text.charCodeAt(j);
    if (c < 0x80 && c !== BACKTICK) {
      if (ASCII_URL_END[c] === 1) break;
    } else if (scan.ascii) {
      scan.bail = true;
      return -1;
    } else if (isUrlEnd(c)) {
      break;
    }
  }
  return j > start ? j : -1;
}

/** End of the mention starting at `i` (on an "@"), or -1 when there is none. */
function mentionEnd(scan: Scan, i: number): number {
  const { text } = scan;
  let j = runEnd(scan, i + 1, ASCII_WORD);
  if (j === i + 1) return -1;
  for (;;) {
    const c = text.charCodeAt(j);
    if (c !== DOT && c !== HYPHEN) break;
    const next = runEnd(scan, j + 1, ASCII_WORD);
    if (next === j + 1) break;
    j = next;
  }
  // Optional @server.example: a run of letters, numbers and hyphens, then at least one dotted part.
  if (text.charCodeAt(j) !== AT) return j;
  let k = runEnd(scan, j + 1, ASCII_HOST);
  if (k === j + 1) return j;
  let parts = 0;
  while (text.charCodeAt(k) === DOT) {
    const next = runEnd(scan, k + 1, ASCII_HOST);
    if (next === k + 1) break;
    k = next;
    parts++;
  }
  return parts > 0 ? k : j;
}

/** End of the word starting at `i`, including a trailing apostrophe; sets scan.firstQuote. */
function wordEnd(scan: Scan, i: number): number {
  const { text } = scan;
  let j = runEnd(scan, i, ASCII_ALNUM);
  let firstQuote = -1;
  let c = text.charCodeAt(j);
  while (c === APOSTROPHE) {
    const next = runEnd(scan, j + 1, ASCII_ALNUM);
    // A lone trailing apostrophe belongs to the word: "d'" before a mention or hashtag may be an elision.
    if (next === j + 1) {
      scan.firstQuote = firstQuote;
      return j + 1;
    }
    if (firstQuote < 0) firstQuote = j;
    j = next;
    c = text.charCodeAt(j);
  }
  scan.firstQuote = firstQuote;
  return j;
}

function pushWord(scan: Scan, i: number, end: number, options: TokenizeOptions, emit: TokenSink): void {
  const { text, firstQuote } = scan;
  if (text.charCodeAt(end - 1) === APOSTROPHE) {
    const head = text.slice(i, end - 1);
    if (end - 1 - i > MAX_ELISION || !ELISIONS.has(head)) emit(text, i, end - 1);
    else if (options.keepElisions) emit(text, i, end);
  } else if (firstQuote > 0 && firstQuote - i <= MAX_ELISION && ELISIONS.has(text.slice(i, firstQuote))) {
    if (options.keepElisions) emit(text, i, firstQuote + 1);
    emit(text, firstQuote + 1, end);
  } else {
    emit(text, i, end);
  }
}

function pushUrl(text: string, start: number, end: number, emit: TokenSink): void {
  // Cannot strip past "://": the slash is not a trailer.
  while (URL_TRAILER[text.charCodeAt(end - 1)] === 1) end--;
  emit(text, start, end);
}

/**
 * Tokenizes scan.text from `i` into tokens. Returns -1 when done, or, when an ASCII pass gives up, the start of
 * the token it was reading: the folded text is scanned again from there.
 */
function scanText(scan: Scan, i: number, options: TokenizeOptions, emit: TokenSink): number {
  const { text, length } = scan;
  while (i < length) {
    const c = text.charCodeAt(i);
    let kind = c < 0x80 ? (ASCII_KIND[c] as number) : ALNUM;
    if (kind === SKIP) {
      i++;
      continue;
    }
    if (kind === FOLDS || (c >= 0x80 && scan.ascii)) return i;
    if (c >= 0x80) {
      const skip = codePointWidthIf(scan, i, c, false);
      if (skip > 0) {
        i += skip;
        continue;
      }
    }
    let end = -1;
    if (kind === LETTER_H) {
      end = urlEnd(scan, i);
      if (scan.bail) return i;
      if (end > 0) {
        if (!options.dropUrls) pushUrl(text, i, end, emit);
        i = end;
        continue;
      }
      kind = ALNUM;
    }
    if (kind === ALNUM) {
      end = wordEnd(scan, i);
      if (scan.bail) return i;
      pushWord(scan, i, end, options, emit);
      i = end;
      continue;
    }
    end = kind === SIGIL_AT ? mentionEnd(scan, i) : runEnd(scan, i + 1, ASCII_WORD);
    if (scan.bail) return i;
    if (end > i + 1) {
      emit(text, i, end);
      i = end;
    } else {
      i++;
    }
  }
  return -1;
}

/**
 * Hands each token to `emit` as a range of a lowercased or folded copy of `text`, in order, without cutting it
 * out: what `tokenize` returns, for callers that only look tokens up (the search index).
 */
export function scanTokens(text: string, options: TokenizeOptions, emit: TokenSink): void {
  const lower = text.toLowerCase();
  // Most posts are ASCII, where folding is only lowercasing: scan that, and fold only from where it gives up.
  const ascii: Scan = { text: lower, length: lower.length, ascii: true, bail: false, firstQuote: -1 };
  const resume = scanText(ascii, 0, options, emit);
  if (resume < 0) return;
  // All before `resume` was ASCII that folding keeps, and folding works per code point: the folded text starts
  // the same, and a token never depends on what precedes it, so the tokens so far stand and the scan resumes.
  const folded = foldLowercased(lower);
  scanText(
    { text: folded, length: folded.length, ascii: false, bail: false, firstQuote: -1 },
    resume,
    options,
    emit,
  );
}

export function tokenize(text: string, options: TokenizeOptions = {}): string[] {
  const tokens: string[] = [];
  scanTokens(text, options, (folded, start, end) => tokens.push(folded.slice(start, end)));
  return tokens;
}
