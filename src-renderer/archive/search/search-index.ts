// The archive's in-memory inverted index, built incrementally at ingest and persisted as append-only
// segments (term ids and filter attributes per document), so reopening replays compact arrays instead of
// reading and re-tokenising every stored item.
import type { CountedItem } from '../../../src-shared/analytics/listening.ts';
import type { IndexSegmentRow } from '../../db/archive-rows.ts';
import { ColumnMembers } from '../segments/column-members.ts';
import { GrowableDocs } from './growable-docs.ts';
import {
  ATTR_AUTHOR_HANDLE,
  ATTR_AUTHOR_ID,
  ATTR_LANG,
  ATTR_NETWORK,
  ATTR_PREFIX,
  ATTRS_PER_DOC,
  AttributeIds,
  compileFilters,
  passesFilters,
} from './index-filters.ts';
import { intersectSorted, PostingLists, TopK, unionSorted } from './postings.ts';
import { FIELD_BREAK } from '../segments/packed-seq.ts';
import { storedAttrs, storedKeys, storedSequence } from '../segments/stored-segment.ts';
import { SegmentBuilder } from '../segments/segment-builder.ts';
import { SequenceBuilder } from '../segments/doc-sequence.ts';
import { TermDictionary } from '../segments/term-dictionary.ts';
import type { CompiledQuery, DocInput, IndexStats } from './index-types.ts';

export type { CompiledQuery, DocInput, IndexStats } from './index-types.ts';

export class SearchIndex {
  private readonly dict = new TermDictionary();
  private readonly keyPrefixes = new TermDictionary();
  private readonly sequences = new SequenceBuilder(this.dict);
  private readonly attrIds = new AttributeIds((term) => this.dict.intern(term));
  private readonly postings = new PostingLists();
  private readonly keyToDoc = new Map<string, number>();
  private readonly docs = new GrowableDocs(ATTRS_PER_DOC);
  private readonly members = new ColumnMembers();
  private pending: SegmentBuilder | null = null;
  private readonly attrScratch = new Uint32Array(ATTRS_PER_DOC);

  get liveDocs(): number {
    return this.docs.liveCount;
  }

  get deadDocs(): number {
    return this.docs.count - this.docs.liveCount;
  }

  docOf(key: string): number | undefined {
    const doc = this.keyToDoc.get(key);
    return doc !== undefined && this.docs.alive[doc] === 1 ? doc : undefined;
  }

  keyOf(doc: number): string {
    return this.docs.keys[doc] ?? '';
  }

  sortTimeOf(doc: number): number {
    return this.docs.sortTime[doc] ?? 0;
  }

  /** Starts collecting one ingest batch; `finishSegment` returns the row to persist with it. */
  beginSegment(): void {
    this.pending = new SegmentBuilder(this.dict.size, this.keyPrefixes);
  }

  /** Roughly what the segment in progress will take once stored (its documents and new terms), in bytes. */
  pendingBytes(): number {
    const segment = this.requirePending();
    return segment.estimatedBytes + (this.dict.size - segment.termBase) * 12;
  }

  /** Indexes a document, or keeps the existing one when nothing searchable changed. Returns its id. */
  addDoc(input: DocInput): number {
    const segment = this.requirePending();
    this.sequences.appendTo(input.texts, segment.seq);
    const attrs = this.attrScratch;
    for (let i = 0; i < ATTRS_PER_DOC; i++) attrs[i] = this.attrIds.idOf(i, input.attrs[i] ?? '');
    this.postings.grow(this.dict.size);
    const existing = this.docOf(input.key);
    if (existing !== undefined && this.sameDoc(existing, segment, input)) {
      segment.discardTokens();
      return existing;
    }
    if (existing !== undefined) this.killDoc(existing, segment);
    const doc = this.docs.count + segment.size;
    segment.addDoc(doc, input.key, attrs, input.sortTime, input.sentiment, input.ref);
    return doc;
  }

  /** Marks the documents of these item keys as gone (their rows were deleted), in every column too. */
  removeKeys(keys: readonly string[]): void {
    const segment = this.requirePending();
    for (const key of keys) {
      for (const column of this.members.columnsOf(key)) this.leave(column, key, segment);
      const doc = this.docOf(key);
      if (doc !== undefined) this.killDoc(doc, segment);
    }
  }

  /** Records that the column holds these items; membership changes apply at once. */
  join(column: string, keys: readonly string[]): void {
    const segment = this.requirePending();
    for (const key of keys) if (this.members.add(column, key)) segment.members.added(column, key);
  }

  /** Takes the items out of the column; returns those no column holds any more (the caller deletes them). */
  leaveColumn(column: string, keys: readonly string[]): string[] {
    const segment = this.requirePending();
    const orphans: string[] = [];
    for (const key of keys) {
      this.leave(column, key, segment);
      if (!this.members.isHeld(key)) orphans.push(key);
    }
    return orphans;
  }

  /**
   * Keys of the live documents pointing at any of these post references, or (documents from segments
   * written before references) containing any of these terms. References can collide: check the items.
   */
  liveKeysPointingAt(refs: ReadonlySet<number>, legacyTerms: readonly string[]): string[] {
    const keys = new Set<string>();
    const d = this.docs;
    for (let doc = 0; doc < d.count; doc++) {
      const ref = d.ref[doc] ?? 0;
      // 0 is "points at no post" (an RSS entry, a document from before references), never a match.
      if (ref !== 0 && d.alive[doc] === 1 && refs.has(ref)) keys.add(this.keyOf(doc));
    }
    for (const term of legacyTerms) {
      const id = this.dict.idOf(term);
      if (id === undefined) continue;
      for (const doc of this.postings.of(id)) if (d.alive[doc] === 1) keys.add(this.keyOf(doc));
    }
    return [...keys];
  }

  holds(column: string, key: string): boolean {
    return this.members.has(column, key);
  }

  /** What listening counts need of a live item: its time, sentiment, network and language. */
  countedItem(key: string): CountedItem | undefined {
    const doc = this.docOf(key);
    if (doc === undefined) return undefined;
    const d = this.docs;
    const attr = (i: number) => {
      const term = this.dict.termAt(d.attrs[doc * ATTRS_PER_DOC + i] ?? 0) ?? '';
      return term.slice(ATTR_PREFIX[i]?.length ?? 0);
    };
    const sign = d.sentiment[doc] ?? 0;
    return {
      time: d.sortTime[doc] ?? 0,
      sentiment: sign > 0 ? 'positive' : sign < 0 ? 'negative' : 'neutral',
      network: attr(ATTR_NETWORK),
      lang: attr(ATTR_LANG) || 'und',
    };
  }

  columnsOf(key: string): string[] {
    return this.members.columnsOf(key);
  }

  columnNames(): string[] {
    return this.members.columnNames();
  }

  columnKeys(column: string): ReadonlySet<string> {
    return this.members.keysOf(column);
  }

  columnSize(column: string): number {
    return this.members.keysOf(column).size;
  }

  get memberships(): number {
    return this.members.size;
  }

  /**
   * The column's items newest first (ties by key), from position `offset`, at most `limit`. Items whose
   * document is gone (never, unless the stored index was damaged) sort last.
   */
  columnPage(column: string, offset: number, limit: number): string[] {
    const keys = this.members.keysOf(column);
    if (offset >= keys.size || limit <= 0) return [];
    const entries: { key: string; time: number }[] = [];
    for (const key of keys) {
      const doc = this.docOf(key);
      entries.push({ key, time: doc === undefined ? -Infinity : (this.docs.sortTime[doc] ?? 0) });
    }
    entries.sort((a, b) => b.time - a.time || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return entries.slice(offset, offset + limit).map((e) => e.key);
  }

  /** Up to `limit` live items ordered before `cutoff` (ms). */
  keysOlderThan(cutoff: number, limit: number): string[] {
    const out: string[] = [];
    const d = this.docs;
    for (let doc = 0; doc < d.count && out.length < limit; doc++) {
      if (d.alive[doc] === 1 && (d.sortTime[doc] ?? 0) < cutoff) out.push(this.keyOf(doc));
    }
    return out;
  }

  /** Applies the batch's documents to memory and returns its persistent form, or null when it changed nothing. */
  finishSegment(): IndexSegmentRow | null {
    const segment = this.requirePending();
    this.pending = null;
    if (segment.isEmpty()) return null;
    const row = segment.toRow(this.dict.termsFrom(segment.termBase));
    this.applyDocs(row, segment.docKeys, segment.sequence(), segment.attrValues(), null);
    return row;
  }

  /** Rebuilds memory from persisted segments, oldest first. Documents deleted later are never posted. */
  load(rows: readonly IndexSegmentRow[]): void {
    const deleted = new Set<number>();
    for (const row of rows) for (const doc of row.deleted) deleted.add(doc);
    for (const row of rows) {
      if (row.termBase !== this.dict.size) {
        throw new Error(
          `search index segment ${row.id ?? '?'} is out of order (terms ${row.termBase} ≠ ${this.dict.size})`,
        );
      }
      if (row.keyPrefixBase !== undefined && row.keyPrefixBase !== this.keyPrefixes.size) {
        throw new Error(`search index segment ${row.id ?? '?'} is out of order (key prefixes)`);
      }
      for (const term of row.newTerms) this.dict.append(term);
      for (const prefix of row.newKeyPrefixes ?? []) this.keyPrefixes.append(prefix);
      this.postings.grow(this.dict.size);
      const keys = storedKeys(row, this.keyPrefixes);
      this.applyDocs(row, keys, storedSequence(row), storedAttrs(row), deleted);
      if (row.members) this.members.apply(row.members, keys);
    }
  }

  /**
   * Every live document as segments of at most `size` documents, for compaction: documents are numbered
   * again from 0 and only the terms live documents use are kept, so an index loaded from these rows is
   * sized by what the archive holds now, not by everything it ever ingested (every post brings new words).
   */
  snapshot(size: number): IndexSegmentRow[] {
    const remap = new Int32Array(this.dict.size).fill(-1);
    const terms: string[] = [];
    const termOf = (old: number): number => {
      if (old === FIELD_BREAK) return FIELD_BREAK;
      let id = remap[old] ?? -1;
      if (id === -1) {
        id = terms.length;
        terms.push(this.dict.termAt(old) ?? '');
        remap[old] = id;
      }
      return id;
    };
    const live: { doc: number; seq: number[]; attrs: number[] }[] = [];
    for (let doc = 0; doc < this.docs.count; doc++) {
      if (this.docs.alive[doc] !== 1) continue;
      const seqRef = this.docs.seqRef[doc];
      const seq = seqRef ? Array.from(seqRef.subarray(this.docs.seqStart[doc], this.docs.seqEnd[doc])) : [];
      const attrs = Array.from(this.docs.attrs.subarray(doc * ATTRS_PER_DOC, (doc + 1) * ATTRS_PER_DOC));
      live.push({ doc, seq: seq.map(termOf), attrs: attrs.map(termOf) });
    }
    const rows: IndexSegmentRow[] = [];
    const columnsByKey = this.members.byKey();
    // The key prefixes live documents use, numbered again like the terms.
    const prefixes = new TermDictionary();
    let builder = new SegmentBuilder(0, prefixes);
    live.forEach(({ doc, seq, attrs }, renumbered) => {
      const key = this.keyOf(doc);
      const d = this.docs;
      builder.seq.append(seq);
      builder.addDoc(renumbered, key, attrs, this.sortTimeOf(doc), d.sentiment[doc] ?? 0, d.ref[doc] ?? 0);
      for (const column of columnsByKey.get(key) ?? []) builder.members.added(column, key);
      if (builder.size >= size) {
        rows.push(builder.toRow(rows.length === 0 ? terms : []));
        builder = new SegmentBuilder(terms.length, prefixes);
      }
    });
    if (rows.length === 0 || !builder.isEmpty()) rows.push(builder.toRow(rows.length === 0 ? terms : []));
    return rows;
  }

  /** Newest matching documents first. */
  search(query: CompiledQuery, limit: number): number[] {
    const lists: (readonly number[])[] = [];
    for (const term of query.terms) {
      const id = this.dict.idOf(term);
      if (id === undefined) return [];
      lists.push(this.postings.of(id));
    }
    const phrases: number[][] = [];
    for (const phrase of query.phrases) {
      const ids = phrase.map((t) => this.dict.idOf(t));
      if (ids.some((id) => id === undefined)) return [];
      phrases.push(ids as number[]);
    }
    const filters = compileFilters(query, (term) => this.dict.idOf(term));
    if (filters === null) return [];
    if (lists.length === 0 && filters.authors) {
      lists.push(unionSorted(filters.authorIds.map((id) => this.postings.of(id))));
    }
    const top = new TopK(limit);
    const { column } = query;
    const consider = (doc: number): void => {
      if (this.docs.alive[doc] !== 1 || !passesFilters(this.docs, doc, filters)) return;
      if (column !== undefined && !this.members.has(column, this.keyOf(doc))) return;
      const time = this.docs.sortTime[doc] ?? 0;
      if (!top.wouldKeep(time)) return;
      for (const phrase of phrases) if (!this.docs.hasPhrase(doc, phrase)) return;
      top.push(doc, time);
    };
    if (lists.length === 0) {
      for (let doc = 0; doc < this.docs.count; doc++) consider(doc);
    } else {
      for (const doc of intersectSorted(lists)) consider(doc);
    }
    return top.sortedDescending();
  }

  stats(): IndexStats {
    const postings = this.postings.total;
    let termChars = 0;
    for (const term of this.dict.termsFrom(0)) termChars += term.length;
    let seqLength = 0;
    const seen = new Set<Uint32Array>();
    for (const buf of this.docs.seqRef) {
      if (buf && !seen.has(buf)) {
        seen.add(buf);
        seqLength += buf.length;
      }
    }
    const estimatedBytes =
      postings * 4 +
      seqLength * 4 +
      this.dict.size * 60 +
      termChars * 2 +
      this.docs.bytes() +
      this.keyToDoc.size * 40;
    return {
      docs: this.docs.count,
      liveDocs: this.docs.liveCount,
      terms: this.dict.size,
      postings,
      seqLength,
      estimatedBytes,
    };
  }

  private requirePending(): SegmentBuilder {
    if (!this.pending) throw new Error('search index: no segment in progress');
    return this.pending;
  }

  /** The term id of a filter attribute; most values (networks, accounts, frequent authors) repeat. */
  /** Whether the document's stored form equals the input, whose tokens are the segment's pending ones. */
  private sameDoc(doc: number, segment: SegmentBuilder, input: DocInput): boolean {
    const d = this.docs;
    if (d.sortTime[doc] !== input.sortTime || d.sentiment[doc] !== input.sentiment) return false;
    if (d.ref[doc] !== input.ref) return false;
    const attrs = this.attrScratch;
    for (let i = 0; i < ATTRS_PER_DOC; i++) if (d.attrs[doc * ATTRS_PER_DOC + i] !== attrs[i]) return false;
    const start = d.seqStart[doc] ?? 0;
    const end = d.seqEnd[doc] ?? 0;
    const buf = d.seqRef[doc];
    const from = segment.pendingTokensStart;
    if (!buf || end - start !== segment.seq.length - from) return false;
    for (let i = 0; i < end - start; i++) if (buf[start + i] !== segment.seq.at(from + i)) return false;
    return true;
  }

  private leave(column: string, key: string, segment: SegmentBuilder): void {
    if (this.members.remove(column, key)) segment.members.removed(column, key);
  }

  private killDoc(doc: number, segment: SegmentBuilder): void {
    this.docs.kill(doc);
    if (this.keyToDoc.get(this.keyOf(doc)) === doc) this.keyToDoc.delete(this.keyOf(doc));
    segment.deleted.push(doc);
  }

  /** Puts a segment's documents in memory and posts them; documents in `skip` are recorded but dead. */
  private applyDocs(
    row: IndexSegmentRow,
    keys: readonly string[],
    seq: Uint32Array,
    attrs: Uint32Array,
    skip: Set<number> | null,
  ): void {
    for (const doc of row.deleted) {
      if (doc < this.docs.count && this.docs.alive[doc] === 1) {
        this.docs.kill(doc);
        if (this.keyToDoc.get(this.keyOf(doc)) === doc) this.keyToDoc.delete(this.keyOf(doc));
      }
    }
    for (let i = 0; i < row.docIds.length; i++) {
      const doc = row.docIds[i] ?? 0;
      const key = keys[i] ?? '';
      const start = row.seqOffsets[i] ?? 0;
      const end = row.seqOffsets[i + 1] ?? start;
      const live = !skip?.has(doc);
      this.docs.set(
        doc,
        key,
        seq,
        start,
        end,
        attrs,
        i * ATTRS_PER_DOC,
        row.sortTime[i] ?? 0,
        row.sentiment[i] ?? 0,
        row.refs?.[i] ?? 0,
        live,
      );
      if (!live) continue;
      const previous = this.keyToDoc.get(key);
      if (previous !== undefined && previous !== doc && this.docs.alive[previous] === 1)
        this.docs.kill(previous);
      this.keyToDoc.set(key, doc);
      for (let j = start; j < end; j++) this.postings.post(seq[j] ?? FIELD_BREAK, doc);
      this.postings.post(attrs[i * ATTRS_PER_DOC + ATTR_AUTHOR_ID] ?? FIELD_BREAK, doc);
      this.postings.post(attrs[i * ATTRS_PER_DOC + ATTR_AUTHOR_HANDLE] ?? FIELD_BREAK, doc);
    }
  }
}
