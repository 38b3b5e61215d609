// Unicode character classes for the hand-written scanners of the sentiment scorer and the language guesser.
// Each class is decided by the very regex class it stands for, once per code point, then read from a table.

import { BoundedMemo } from './bounded-memo.ts';

export const LETTER = 1; // \p{L}
export const LOWER = 2; // \p{Ll}
export const NUMBER = 4; // \p{N}
export const PICTOGRAPH = 8; // \p{Extended_Pictographic}
export const EMOJI_MODIFIER = 16; // \p{EMod}: the five skin tones
export const SPACE = 32; // \s
const KNOWN = 128;

const TESTS: ReadonlyArray<readonly [RegExp, number]> = [
  [/\p{L}/u, LETTER],
  [/\p{Ll}/u, LOWER],
  [/\p{N}/u, NUMBER],
  [/\p{Extended_Pictographic}/u, PICTOGRAPH],
  [/\p{EMod}/u, EMOJI_MODIFIER],
  [/\s/u, SPACE],
];

function classify(cp: number): number {
  const ch = String.fromCodePoint(cp);
  let flags = KNOWN;
  for (const [test, flag] of TESTS) if (test.test(ch)) flags |= flag;
  return flags;
}

const bmp = new Uint8Array(0x10000);
for (let cp = 0; cp < 128; cp += 1) bmp[cp] = classify(cp);
// Astral code points are mostly emoji; a post rarely holds more than a few distinct ones.
const astral = new BoundedMemo<number, number>(4_096, (cp) => classify(cp));

/** The classes of one code point (or of a lone surrogate, which belongs to none). */
export function charClass(cp: number): number {
  if (cp < 0x10000) {
    let flags = bmp[cp] as number;
    if (flags === 0) bmp[cp] = flags = classify(cp);
    return flags;
  }
  return astral.get(cp);
}

/** The classes of the code point at `i`; none past the end. */
export function classAt(text: string, i: number): number {
  return i < text.length ? charClass(text.codePointAt(i) as number) : 0;
}

export function width(cp: number): number {
  return cp > 0xffff ? 2 : 1;
}

/** End of a run of code points whose class has one of `flags`, or one of the ASCII `extra` characters. */
function runEnd(text: string, start: number, flags: number, extra: number): number {
  let i = start;
  while (i < text.length) {
    const cp = text.codePointAt(i) as number;
    if (cp !== extra && (charClass(cp) & flags) === 0) break;
    i += width(cp);
  }
  return i;
}

const UNDERSCORE = 0x5f;
const HYPHEN = 0x2d;
const DOT = 0x2e;
const AT = 0x40;

/**
 * End of the `@name` or `@name@server.tld` that starts with the '@' at `at`, or -1 when there is none: the
 * span of /@[\p{L}\p{N}_]+(?:[.-][\p{L}\p{N}_]+)*(?:@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)?/u there. Every run
 * is maximal, so no backtracking can give another span.
 */
export function mentionEnd(text: string, at: number): number {
  const name = LETTER | NUMBER;
  let i = runEnd(text, at + 1, name, UNDERSCORE);
  if (i === at + 1) return -1;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c !== DOT && c !== HYPHEN) break;
    const next = runEnd(text, i + 1, name, UNDERSCORE);
    if (next === i + 1) break;
    i = next;
  }
  if (text.charCodeAt(i) !== AT) return i;
  const host = runEnd(text, i + 1, name, HYPHEN);
  if (host === i + 1) return i;
  let end = host;
  while (text.charCodeAt(end) === DOT) {
    const next = runEnd(text, end + 1, name, HYPHEN);
    if (next === end + 1) break;
    end = next;
  }
  // A server needs at least one dot: "@name@host" alone is only "@name".
  return end === host ? i : end;
}

export function isSpace(c: number): boolean {
  return (charClass(c) & SPACE) !== 0;
}
