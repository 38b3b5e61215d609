// Turns the deck's ArchiveQuery into what the search index evaluates: folded terms, phrases, and
// filters as plain values and millisecond bounds. Bad input is reported, never guessed at.
import { tokenize } from '../../../src-shared/text/tokenize.ts';
import type { ArchiveQuery } from '../archive-port.ts';
import { normaliseHandle } from '../ingest/item-doc.ts';
import type { SentimentSign } from './index-types.ts';
import type { CompiledQuery } from './index-types.ts';

const SIGN = { positive: 1, neutral: 0, negative: -1 } as const;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

export function compileQuery(query: ArchiveQuery): CompiledQuery {
  if (typeof query?.text !== 'string') throw new Error('search: query.text must be a string');
  const phrases: string[][] = [];
  const terms = new Set<string>();
  const rest = query.text.replace(/"([^"]*)"?/g, (_match, phrase: string) => {
    const tokens = tokenize(phrase);
    if (tokens.length > 1) phrases.push(tokens);
    for (const t of tokens) terms.add(t);
    return ' ';
  });
  for (const t of tokenize(rest)) terms.add(t);
  const author = query.author?.trim();
  return {
    terms: [...terms],
    phrases,
    column: query.columnKey,
    networks: query.networks,
    accounts: query.accountIds,
    authors: author ? [...new Set([author, normaliseHandle(author)])] : undefined,
    languages: query.languages?.map((l) => l.toLowerCase()),
    sentiments: query.sentiments?.map((s) => {
      if (!(s in SIGN)) throw new Error(`search: unknown sentiment "${String(s)}"`);
      return SIGN[s] as SentimentSign;
    }),
    from: query.from === undefined ? undefined : parseBound('from', query.from, 0),
    // A date-only upper bound includes that whole day.
    to:
      query.to === undefined
        ? undefined
        : parseBound('to', query.to, DATE_ONLY.test(query.to) ? DAY_MS - 1 : 0),
  };
}

function parseBound(name: string, value: string, add: number): number {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new Error(`search: "${name}" is not a date: ${value}`);
  return ms + add;
}
