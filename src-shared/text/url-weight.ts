// How long a post is in each network's own terms. Mastodon counts every URL as a fixed weight (23 by default,
// an instance may say otherwise) and a remote mention only by its username; Bluesky counts graphemes (300).
import { countGraphemes } from './graphemes.ts';

export const MASTODON_DEFAULT_URL_WEIGHT = 23;
export const MASTODON_DEFAULT_MAX_CHARACTERS = 500;
export const BLUESKY_MAX_GRAPHEMES = 300;
/** Bluesky's record also caps the text at 3000 UTF-8 bytes; only very wide scripts can hit it first. */
export const BLUESKY_MAX_BYTES = 3000;

export type LengthCheck = {
  length: number;
  max: number;
  remaining: number;
  ok: boolean;
};

// Same shape as Mastodon's own rule: a scheme, then anything up to whitespace, minus trailing punctuation.
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"]+/giu;
const TRAILING_PUNCTUATION = /[.,;:!?'")\]}»]+$/u;
// `@user@example.social` counts as `@user`.
const REMOTE_MENTION =
  /(^|[^\p{L}\p{N}_/])@([\p{L}\p{N}_]+(?:[.-]+[\p{L}\p{N}_]+)*)@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;

/** URLs in `text` with their UTF-16 offsets, trailing sentence punctuation excluded. */
export function findUrls(text: string): Array<{ url: string; start: number; end: number }> {
  const found: Array<{ url: string; start: number; end: number }> = [];
  for (const m of text.matchAll(URL_PATTERN)) {
    const url = m[0].replace(TRAILING_PUNCTUATION, '');
    if (url.length <= 'https://'.length) continue;
    found.push({ url, start: m.index, end: m.index + url.length });
  }
  return found;
}

export type MastodonLengthOptions = {
  /** `configuration.statuses.characters_reserved_per_url` from the instance; 23 when unknown. */
  urlWeight?: number;
  /** `configuration.statuses.max_characters`; 500 when unknown. */
  maxCharacters?: number;
  /** The content warning counts against the same limit. */
  spoilerText?: string;
};

export function mastodonLength(text: string, options: MastodonLengthOptions = {}): number {
  const urlWeight = options.urlWeight ?? MASTODON_DEFAULT_URL_WEIGHT;
  const placeholder = 'x'.repeat(Math.max(0, urlWeight));
  let countable = '';
  let last = 0;
  for (const { start, end } of findUrls(text)) {
    countable += text.slice(last, start) + placeholder;
    last = end;
  }
  countable += text.slice(last);
  countable = countable.replace(REMOTE_MENTION, '$1@$2');
  return countGraphemes(countable) + countGraphemes(options.spoilerText ?? '');
}

export function checkMastodonLength(text: string, options: MastodonLengthOptions = {}): LengthCheck {
  const max = options.maxCharacters ?? MASTODON_DEFAULT_MAX_CHARACTERS;
  const length = mastodonLength(text, options);
  return { length, max, remaining: max - length, ok: length <= max };
}

function utf8Bytes(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** Bluesky counts the text exactly as posted: a link shown in full counts in full. */
export function checkBlueskyLength(text: string): LengthCheck & { bytes: number } {
  const length = countGraphemes(text);
  const bytes = utf8Bytes(text);
  return {
    length,
    bytes,
    max: BLUESKY_MAX_GRAPHEMES,
    remaining: BLUESKY_MAX_GRAPHEMES - length,
    ok: length <= BLUESKY_MAX_GRAPHEMES && bytes <= BLUESKY_MAX_BYTES,
  };
}
