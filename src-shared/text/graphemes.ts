// User-perceived characters (grapheme clusters): what Bluesky limits and what a person counts when typing.
// Intl.Segmenter exists in Node 22, Chromium and Web Workers, so no table of Unicode data ships with Roost.

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

// Printable ASCII is one grapheme per code unit; skipping the segmenter keeps counting cheap while typing.
const PLAIN_ASCII = /^[\x20-\x7e]*$/;

export function countGraphemes(text: string): number {
  if (PLAIN_ASCII.test(text)) return text.length;
  let count = 0;
  for (const _ of segmenter.segment(text)) count += 1;
  return count;
}

export function splitGraphemes(text: string): string[] {
  if (PLAIN_ASCII.test(text)) return text.split('');
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/** Cuts `text` to at most `max` graphemes without splitting an emoji or a letter from its accent. */
export function truncateGraphemes(text: string, max: number): string {
  if (max <= 0) return '';
  if (PLAIN_ASCII.test(text)) return text.slice(0, max);
  let count = 0;
  for (const s of segmenter.segment(text)) {
    if (count === max) return text.slice(0, s.index);
    count += 1;
  }
  return text;
}
