// Test-only oracle for the tokenizer equivalence tests: foldText and tokenize exactly as they were before the
// char-code scanner (regex and matchAll), so any difference in the production code shows up as a failure.

const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss' };
const COMBINING_MARKS = /\p{M}+/gu;
const LIGATURE_PATTERN = /[œæß]/g;

/** Printable ASCII, tabs and line breaks: text whose folding is only lowercasing. */
const ASCII_ONLY = /^[\t\n\r -~]*$/;

export function oracleFoldText(text: string): string {
  // Most posts are plain ASCII, where folding is lowercasing: no marks, ligatures or curly quotes to undo.
  if (ASCII_ONLY.test(text)) {
    const lower = text.toLowerCase();
    return lower.includes('`') ? lower.replaceAll('`', "'") : lower;
  }
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(LIGATURE_PATTERN, (c) => LIGATURES[c] ?? c)
    .replace(/[’ʼ‘`´]/g, "'");
}

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

export type OracleTokenizeOptions = {
  dropUrls?: boolean;
  keepElisions?: boolean;
};

export function oracleSplitElision(word: string): [string, string] | null {
  const quote = word.indexOf("'");
  if (quote <= 0 || quote === word.length - 1) return null;
  const head = word.slice(0, quote);
  return ELISIONS.has(head) ? [head, word.slice(quote + 1)] : null;
}

export function oracleTokenize(text: string, options: OracleTokenizeOptions = {}): string[] {
  const tokens: string[] = [];
  for (const m of oracleFoldText(text).matchAll(TOKEN)) {
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
    const elided = oracleSplitElision(token);
    if (elided) {
      if (options.keepElisions) tokens.push(`${elided[0]}'`);
      tokens.push(elided[1]);
    } else {
      tokens.push(token);
    }
  }
  return tokens;
}
