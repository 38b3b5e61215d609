// The shapes the search index takes in and gives out: a document to index, a compiled query, and its size.
/** The sign of a post's sentiment score, as the index keeps it per document. */
export type SentimentSign = -1 | 0 | 1;

export interface DocInput {
  readonly key: string;
  /** Searchable texts in reading order (title, content warning, text, quote, alt texts); tokenized here. */
  readonly texts: readonly string[];
  /** postRef of the post the item points at (0 for none), which deletions find it by. */
  readonly ref: number;
  readonly sortTime: number;
  /** network, account ('' for none), author id, author handle (folded), language — in ATTR_* order. */
  readonly attrs: readonly [string, string, string, string, string];
  readonly sentiment: SentimentSign;
}

export interface CompiledQuery {
  readonly terms: readonly string[];
  readonly phrases: readonly (readonly string[])[];
  readonly column?: string;
  readonly networks?: readonly string[];
  readonly accounts?: readonly string[];
  readonly authors?: readonly string[];
  readonly languages?: readonly string[];
  readonly sentiments?: readonly SentimentSign[];
  readonly from?: number;
  readonly to?: number;
}

export interface IndexStats {
  readonly docs: number;
  readonly liveDocs: number;
  readonly terms: number;
  readonly postings: number;
  readonly seqLength: number;
  readonly estimatedBytes: number;
}
