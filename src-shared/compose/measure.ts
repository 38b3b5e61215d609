// Weighted length of a post and where it first goes over a limit, so the composer can highlight the
// overflow. Weights follow the network: a URL may count as a fixed number of characters, and on Mastodon
// `@user@server` counts as `@user` (the same rules as text/url-weight.ts, walked piece by piece).
import { findUrls } from '../text/url-weight.ts';
import { splitGraphemes } from '../text/graphemes.ts';

export type LengthRules = {
  /** Every URL counts as this many characters; null when URLs count as typed. */
  urlWeight: number | null;
  /** Mastodon counts a remote mention by its local part. */
  shortenRemoteMentions: boolean;
  /** Count grapheme clusters (what a person sees) rather than code points. */
  countsGraphemes: boolean;
};

export type Measure = {
  length: number;
  /** UTF-16 offset of the first piece that no longer fits under `limit`, or null when everything fits. */
  overflowAt: number | null;
};

const REMOTE_MENTION =
  /(^|[^\p{L}\p{N}_/])@([\p{L}\p{N}_]+(?:[.-]+[\p{L}\p{N}_]+)*)(@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)/gu;

type Span = { start: number; end: number; weight: number };

function weightedSpans(text: string, rules: LengthRules): Span[] {
  const spans: Span[] = [];
  if (rules.urlWeight !== null) {
    for (const url of findUrls(text)) spans.push({ start: url.start, end: url.end, weight: rules.urlWeight });
  }
  if (rules.shortenRemoteMentions) {
    for (const m of text.matchAll(REMOTE_MENTION)) {
      const domain = m[3] ?? '';
      const end = m.index + m[0].length;
      const start = end - domain.length;
      if (!spans.some((s) => start < s.end && s.start < end)) spans.push({ start, end, weight: 0 });
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

function units(text: string, countsGraphemes: boolean): string[] {
  return countsGraphemes ? splitGraphemes(text) : Array.from(text);
}

/** `offset` is the weight already used (a content warning counts against the same limit). */
export function measureText(text: string, rules: LengthRules, limit: number, offset = 0): Measure {
  let length = offset;
  // A content warning that alone exceeds the limit leaves no room from the first character on.
  let overflowAt: number | null = offset > limit ? 0 : null;
  const add = (weight: number, at: number) => {
    length += weight;
    if (overflowAt === null && length > limit) overflowAt = at;
  };
  let index = 0;
  const walkPlain = (end: number) => {
    for (const unit of units(text.slice(index, end), rules.countsGraphemes)) {
      add(1, index);
      index += unit.length;
    }
  };
  for (const span of weightedSpans(text, rules)) {
    walkPlain(span.start);
    add(span.weight, span.start);
    index = span.end;
  }
  walkPlain(text.length);
  return { length, overflowAt };
}
