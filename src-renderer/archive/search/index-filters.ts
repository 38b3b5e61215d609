// The search index's filters: the attributes each document carries as term ids (network, account, author
// id and handle, language) plus time and sentiment, and how a query's filters are resolved and checked.
import { BoundedMemo } from '../../../src-shared/text/bounded-memo.ts';
import type { GrowableDocs } from './growable-docs.ts';
import type { CompiledQuery, SentimentSign } from './index-types.ts';

export const ATTRS_PER_DOC = 5;
export const ATTR_NETWORK = 0;
export const ATTR_ACCOUNT = 1;
export const ATTR_AUTHOR_ID = 2;
export const ATTR_AUTHOR_HANDLE = 3;
export const ATTR_LANG = 4;
/** Attributes are dictionary terms a query's words can never be (they start with a control character). */
export const ATTR_PREFIX = ['\u0001net:', '\u0001acc:', '\u0001aid:', '\u0001ah:', '\u0001lang:'] as const;

export interface Filters {
  readonly networks: Set<number> | undefined;
  readonly accounts: Set<number> | undefined;
  readonly languages: Set<number> | undefined;
  readonly authors: Set<number> | undefined;
  readonly authorIds: readonly number[];
  readonly sentiments: Set<SentimentSign> | undefined;
  readonly from: number;
  readonly to: number;
}

/** The query's filters as term ids; null when a filter names nothing the index holds (no document passes). */
export function compileFilters(
  query: CompiledQuery,
  idOf: (term: string) => number | undefined,
): Filters | null {
  const resolve = (attr: number, values: readonly string[] | undefined): Set<number> | null | undefined => {
    if (!values || values.length === 0) return undefined;
    const ids = new Set<number>();
    for (const v of values) {
      const id = idOf(ATTR_PREFIX[attr] + v);
      if (id !== undefined) ids.add(id);
    }
    return ids.size > 0 ? ids : null;
  };
  const networks = resolve(ATTR_NETWORK, query.networks);
  const accounts = resolve(ATTR_ACCOUNT, query.accounts);
  const languages = resolve(ATTR_LANG, query.languages);
  const authorIdSet = resolve(ATTR_AUTHOR_ID, query.authors);
  const authorHandleSet = resolve(ATTR_AUTHOR_HANDLE, query.authors);
  if (networks === null || accounts === null || languages === null) return null;
  const authors = query.authors && query.authors.length > 0;
  if (authors && !authorIdSet && !authorHandleSet) return null;
  const authorIds = [...(authorIdSet ?? []), ...(authorHandleSet ?? [])];
  return {
    networks,
    accounts,
    languages,
    authors: authors ? new Set(authorIds) : undefined,
    authorIds,
    sentiments: query.sentiments && query.sentiments.length > 0 ? new Set(query.sentiments) : undefined,
    from: query.from ?? -Infinity,
    to: query.to ?? Infinity,
  };
}

export function passesFilters(d: GrowableDocs, doc: number, f: Filters): boolean {
  const time = d.sortTime[doc] ?? 0;
  if (time < f.from || time > f.to) return false;
  const base = doc * ATTRS_PER_DOC;
  if (f.networks && !f.networks.has(d.attrs[base + ATTR_NETWORK] ?? -1)) return false;
  if (f.accounts && !f.accounts.has(d.attrs[base + ATTR_ACCOUNT] ?? -1)) return false;
  if (f.languages && !f.languages.has(d.attrs[base + ATTR_LANG] ?? -1)) return false;
  if (f.sentiments && !f.sentiments.has((d.sentiment[doc] ?? 0) as SentimentSign)) return false;
  return (
    !f.authors ||
    f.authors.has(d.attrs[base + ATTR_AUTHOR_ID] ?? -1) ||
    f.authors.has(d.attrs[base + ATTR_AUTHOR_HANDLE] ?? -1)
  );
}

/** Attribute values remembered per attribute (ids never change while an index lives). */
const ATTR_CACHE_LIMIT = 20_000;

/** The term ids of filter attribute values; most values (networks, accounts, frequent authors) repeat. */
export class AttributeIds {
  private readonly known: BoundedMemo<string, number>[];

  /** `intern` is the index dictionary's: the attribute terms are its terms, with their ATTR_PREFIX. */
  constructor(intern: (term: string) => number) {
    this.known = ATTR_PREFIX.map(
      (prefix) => new BoundedMemo(ATTR_CACHE_LIMIT, (value) => intern(prefix + value)),
    );
  }

  idOf(attr: number, value: string): number {
    const known = this.known[attr];
    if (!known) throw new Error(`search index: no filter attribute ${attr}`);
    return known.get(value);
  }
}
