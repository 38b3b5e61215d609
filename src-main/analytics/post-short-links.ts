// Which of Roost's own short links a sent post carries: every http(s) address in the post's text is looked
// up among the links the shortener made, so post performance can count each post's clicks.
import type { CreatedLink } from '../shortener/shortener-repository.ts';

export interface PostShortLink {
  readonly code: string;
  /** As last counted from the shortener's server; null when never counted. */
  readonly clicks: number | null;
}

/** A post has at most this many links worth counting; more is not a post a person wrote. */
const MAX_LINKS = 25;
const URL_IN_TEXT = /https?:\/\/[^\s<>"']+/gi;
/** Punctuation that ends a sentence rather than the address. */
const TRAILING = /[.,;:!?)\]}]+$/;

export function shortLinksIn(
  text: string,
  findByShortUrl: (shortUrl: string) => CreatedLink | null,
): PostShortLink[] {
  const found = new Map<string, PostShortLink>();
  for (const match of text.matchAll(URL_IN_TEXT)) {
    if (found.size >= MAX_LINKS) break;
    const url = match[0].replace(TRAILING, '');
    const link = findByShortUrl(url);
    if (link && !found.has(link.code)) found.set(link.code, { code: link.code, clicks: link.clicks });
  }
  return [...found.values()];
}
