// Links and @mentions taken out of a post before sentiment scoring: they name things, they do not judge
// them. Same results as the global regex replaces they stand for, without scanning posts that have neither.
import { LETTER, NUMBER, charClass, isSpace, mentionEnd } from './char-class.ts';

/** "http://" or "https://" in any case, where \b allows it (the regex had the `iu` flags). */
const URL_HEAD = /\bhttps?:\/\//iuy;

/** Where the link whose "://" is at `at` starts, or -1: "https" is tried before "http", as the regex did. */
function urlStart(text: string, at: number): number {
  if (headAt(text, at - 5, at)) return at - 5;
  return headAt(text, at - 4, at) ? at - 4 : -1;
}

function headAt(text: string, start: number, at: number): boolean {
  if (start < 0) return false;
  URL_HEAD.lastIndex = start;
  return URL_HEAD.test(text) && URL_HEAD.lastIndex === at + 3;
}

/** `text` with each link (/\bhttps?:\/\/\S+/giu) replaced by one space. */
function withoutUrls(text: string): string {
  let out = '';
  let last = 0;
  let at = text.indexOf('://');
  while (at !== -1) {
    const start = urlStart(text, at);
    let end = at + 3;
    if (start >= 0) while (end < text.length && !isSpace(text.charCodeAt(end))) end += 1;
    // Not a link: no http(s) before the "://", or nothing after it.
    if (end === at + 3) {
      at = text.indexOf('://', at + 1);
      continue;
    }
    out += `${text.slice(last, start)} `;
    last = end;
    at = text.indexOf('://', end);
  }
  return last === 0 ? text : out + text.slice(last);
}

/** The code point that ends just before `i` starts here. */
function previousStart(text: string, i: number): number {
  const c = text.charCodeAt(i - 1);
  if (c >= 0xdc00 && c <= 0xdfff && i >= 2) {
    const high = text.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) return i - 2;
  }
  return i - 1;
}

/**
 * `text` with each mention replaced by one space, the character before it kept: the global replace of
 * /(^|[^\p{L}\p{N}_])@name…/gu by '$1 '. A match takes the character before its '@', so that character
 * cannot open the next match.
 */
function withoutMentions(text: string): string {
  let out = '';
  let last = 0;
  let at = text.indexOf('@');
  while (at !== -1) {
    const end = mentionEnd(text, at);
    if (end > 0 && opensMention(text, at, last)) {
      out += `${text.slice(last, at)} `;
      last = end;
      at = text.indexOf('@', end);
    } else {
      at = text.indexOf('@', at + 1);
    }
  }
  return last === 0 ? text : out + text.slice(last);
}

function opensMention(text: string, at: number, matchedUpTo: number): boolean {
  if (at === 0) return true;
  const before = previousStart(text, at);
  if (before < matchedUpTo) return false;
  const c = text.codePointAt(before) as number;
  return c !== 0x5f && (charClass(c) & (LETTER | NUMBER)) === 0;
}

/** What the scorer reads: links and mentions name things, they do not judge them. */
export function withoutLinksAndMentions(text: string): string {
  // Most posts have no link or mention: skip both scans then.
  const noUrls = text.includes('://') ? withoutUrls(text) : text;
  return noUrls.includes('@') ? withoutMentions(noUrls) : noUrls;
}
