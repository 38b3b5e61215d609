// The word tokenizer used by search and column filters: folded (lowercase, no accents), hashtags and
// mentions kept whole with their sigil, French elisions split off (l'appli → appli, qu'il → il).
import { foldText } from './fold.ts';

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

const TOKEN = new RegExp(
  [
    String.raw`https?:\/\/[^\s<>"]+`,
    // @user or @user@server.example
    String.raw`@[\p{L}\p{N}_]+(?:[.-][\p{L}\p{N}_]+)*(?:@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)?`,
    String.raw`#[\p{L}\p{N}_]+`,
    // A trailing apostrophe is kept so that an elision before a mention or hashtag ("d'@Orange") is seen.
    String.raw`[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*'?`,
  ].join('|'),
  'gu',
);

export type TokenizeOptions = {
  /** Leave URLs out (sentiment and language do; search keeps them as one token). */
  dropUrls?: boolean;
  /** Keep `n'`, `l'`, `qu'`… as tokens of their own instead of dropping them (negation needs `n'`). */
  keepElisions?: boolean;
};

export function splitElision(word: string): [string, string] | null {
  const quote = word.indexOf("'");
  if (quote <= 0 || quote === word.length - 1) return null;
  const head = word.slice(0, quote);
  return ELISIONS.has(head) ? [head, word.slice(quote + 1)] : null;
}

export function tokenize(text: string, options: TokenizeOptions = {}): string[] {
  const tokens: string[] = [];
  for (const m of foldText(text).matchAll(TOKEN)) {
    const token = m[0];
    const first = token.charCodeAt(0);
    if (first === 104 /* h */ && token.startsWith('http') && token.includes('://')) {
      if (!options.dropUrls) tokens.push(token.replace(/[.,;:!?')\]]+$/, ''));
      continue;
    }
    if (first === 64 /* @ */ || first === 35 /* # */) {
      tokens.push(token);
      continue;
    }
    if (token.endsWith("'")) {
      const head = token.slice(0, -1);
      if (!ELISIONS.has(head)) tokens.push(head);
      else if (options.keepElisions) tokens.push(token);
      continue;
    }
    const elided = splitElision(token);
    if (elided) {
      if (options.keepElisions) tokens.push(`${elided[0]}'`);
      tokens.push(elided[1]);
    } else {
      tokens.push(token);
    }
  }
  return tokens;
}
