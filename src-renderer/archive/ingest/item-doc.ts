// Turns a stream item into what the archive stores: the row (with the derived, indexed fields), the
// search document, and its place in a column. Runs in the archive worker at ingest.
import type { StreamItem } from '../../../src-shared/domain/stream-item.ts';
import { foldText } from '../../../src-shared/text/fold.ts';
import { guessLanguage, primaryLanguage } from '../../../src-shared/text/language.ts';
import { scoreSentiment } from '../../../src-shared/text/sentiment.ts';
import type { ArchiveItemRow, SentimentLabel } from '../../db/archive-rows.ts';
import type { DeletedPost } from '../archive-port.ts';
import type { SentimentSign } from '../search/index-types.ts';
import type { DocInput } from '../search/search-index.ts';

/** What describeItem spends most of its time on; computed ahead by the text worker (see text-worker.ts). */
export interface TextAnalysis {
  readonly lang: string;
  readonly sentiment: SentimentLabel;
  readonly sentimentScore: number;
}

export interface DescribedItem {
  readonly row: ArchiveItemRow;
  readonly doc: DocInput;
  readonly sortTime: number;
}

const SIGN = { positive: 1, neutral: 0, negative: -1 } as const;

/** Throws a clear message for something that is not a stream item (the worker is a trust boundary too). */
export function checkItem(value: unknown, index: number): StreamItem {
  const item = value as Partial<StreamItem> | null;
  const problem =
    typeof item !== 'object' || item === null
      ? 'not an object'
      : typeof item.key !== 'string' || item.key.length === 0
        ? 'missing key'
        : typeof item.network !== 'string'
          ? 'missing network'
          : typeof item.text !== 'string'
            ? 'missing text'
            : typeof item.author !== 'object' || item.author === null || typeof item.author.id !== 'string'
              ? 'missing author id'
              : typeof item.createdAt !== 'string'
                ? 'missing createdAt'
                : null;
  if (problem) throw new Error(`item ${index} is not a stream item (${problem})`);
  return item as StreamItem;
}

/**
 * The time an item is ordered and filtered by: its creation time, unless the network claims a time after
 * Roost first saw it (a skewed clock), which would pin it to the top of every column.
 */
export function itemTime(item: StreamItem, now: number): number {
  const created = Date.parse(item.createdAt);
  const seen = Date.parse(item.seenAt);
  if (Number.isNaN(created)) return Number.isNaN(seen) ? now : seen;
  return !Number.isNaN(seen) && created > seen ? seen : created;
}

export function analyseText(item: Pick<StreamItem, 'text' | 'lang'>): TextAnalysis {
  const lang = primaryLanguage(item.lang) ?? guessLanguage(item.text);
  // A guessed English or French is what scoreSentiment would guess again: pass it on (same result).
  const sentiment = scoreSentiment(item.text, lang === 'en' || lang === 'fr' ? lang : item.lang);
  return { lang, sentiment: sentiment.label, sentimentScore: sentiment.score };
}

export function describeItem(item: StreamItem, now: number, analysis = analyseText(item)): DescribedItem {
  const sortTime = itemTime(item, now);
  const { lang } = analysis;
  const texts = [item.title ?? '', item.contentWarning ?? '', item.text, item.quote?.text ?? ''];
  for (const media of item.media) texts.push(media.alt);
  const row: ArchiveItemRow = {
    key: item.key,
    network: item.network,
    accountId: item.accountId,
    authorId: item.author.id,
    createdAt: new Date(sortTime).toISOString(),
    lang,
    sentiment: analysis.sentiment,
    sentimentScore: analysis.sentimentScore,
    item,
  };
  const doc: DocInput = {
    key: item.key,
    texts,
    ref:
      item.accountId !== null && item.actionRef !== null
        ? postRef(item.network, item.accountId, item.actionRef)
        : 0,
    sortTime,
    attrs: [item.network, item.accountId ?? '', item.author.id, normaliseHandle(item.author.handle), lang],
    sentiment: SIGN[analysis.sentiment] as SentimentSign,
  };
  return { row, doc, sortTime };
}

/**
 * A 32-bit reference to the post an item points at, as its account knows it (the post itself, a boost of it,
 * a notification about it all share the actionRef): what a deletion finds them by. Stored in the index
 * segments, so it must never change: FNV-1a over the three parts. Never 0, which means "no post".
 * Different posts can share a reference; the archive checks the stored item before deleting it.
 */
export function postRef(network: string, accountId: string, actionRef: string): number {
  let hash = 0x811c9dc5;
  const parts = [network, accountId, actionRef];
  for (let p = 0; p < parts.length; p++) {
    const part = parts[p] ?? '';
    // A NUL between parts, so ('ab', 'c') and ('a', 'bc') differ.
    if (p > 0) hash = Math.imul(hash, 0x01000193);
    for (let i = 0; i < part.length; i++) hash = Math.imul(hash ^ part.charCodeAt(i), 0x01000193);
  }
  return hash >>> 0 || 1;
}

/**
 * The hidden index term that named a deleted post's items in segments written before `postRef`; those
 * documents are still found by it. Search never meets it: the query tokenizer cannot produce its first
 * character.
 */
export function legacyDeletionTerm(network: string, accountId: string, actionRef: string): string {
  return `\u0001ref:${network}:${accountId}:${actionRef}`;
}

export interface DeletedPostMatcher {
  readonly refs: ReadonlySet<number>;
  readonly legacyTerms: readonly string[];
  /** Whether a stored item is one of the posts, a boost of one or a notification about one. */
  matches(item: StreamItem): boolean;
}

/** What the index looks deleted posts up by, and the exact check of each stored item it finds. */
export function matchDeletedPosts(posts: readonly DeletedPost[]): DeletedPostMatcher {
  const exact = new Set(posts.map((p) => `${p.network}\u0000${p.accountId}\u0000${p.actionRef}`));
  return {
    refs: new Set(posts.map((p) => postRef(p.network, p.accountId, p.actionRef))),
    legacyTerms: posts.map((p) => legacyDeletionTerm(p.network, p.accountId, p.actionRef)),
    matches: (item) =>
      item.accountId !== null &&
      item.actionRef !== null &&
      exact.has(`${item.network}\u0000${item.accountId}\u0000${item.actionRef}`),
  };
}

/** Handles match without case, accents or a leading '@'. */
export function normaliseHandle(handle: string): string {
  return foldText(handle.trim()).replace(/^@/, '');
}
