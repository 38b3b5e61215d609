// One segment of the archive's search index as it is built: a batch's documents (keys, term sequences,
// filter attributes), the documents it deletes and the column memberships it changes, laid out as the
// typed arrays of the row that persists it.
import type { IndexSegmentRow } from '../../db/archive-rows.ts';
import { MemberLog } from './column-members.ts';
import { GrowableArray } from './growable-array.ts';
import { packSeq } from './packed-seq.ts';
import { encodeKeys, keySuffixStart } from './stored-segment.ts';
import type { TermDictionary } from './term-dictionary.ts';

/** Collects one batch's documents in the column layout a segment row is persisted in. */
export class SegmentBuilder {
  readonly termBase: number;
  private readonly keyPrefixes: TermDictionary;
  private readonly keyPrefixBase: number;
  readonly deleted: number[] = [];
  readonly members = new MemberLog();
  /**
   * The documents' token sequences one after another. A document's tokens are appended here first, then
   * `addDoc` ends it (or `discardTokens` drops them, for a document that turned out unchanged).
   */
  readonly seq = new GrowableArray(Uint32Array, 4_096);
  private readonly docIds = new GrowableArray(Uint32Array);
  private readonly keys: string[] = [];
  private readonly seqOffsets = new GrowableArray(Uint32Array);
  private readonly sortTime = new GrowableArray(Float64Array);
  private readonly attrs = new GrowableArray(Uint32Array, 256);
  private readonly sentiment = new GrowableArray(Int8Array);
  private readonly refs = new GrowableArray(Uint32Array);
  private bytes = 0;

  /** `keyPrefixes` is the index's dictionary of key prefixes, which the segment adds its new ones to. */
  constructor(termBase: number, keyPrefixes: TermDictionary) {
    this.termBase = termBase;
    this.keyPrefixes = keyPrefixes;
    this.keyPrefixBase = keyPrefixes.size;
    this.seqOffsets.push(0);
  }

  /** Stored size, over-estimated: packed term ids take one or two bytes each, mostly. */
  get estimatedBytes(): number {
    return this.bytes;
  }

  get size(): number {
    return this.docIds.length;
  }

  /** The documents' keys, in order. */
  get docKeys(): readonly string[] {
    return this.keys;
  }

  /** Where the tokens appended since the last document start. */
  get pendingTokensStart(): number {
    return this.seqOffsets.at(this.seqOffsets.length - 1);
  }

  isEmpty(): boolean {
    return this.docIds.length === 0 && this.deleted.length === 0 && this.members.isEmpty;
  }

  discardTokens(): void {
    this.seq.truncate(this.pendingTokensStart);
  }

  /** Ends a document: its tokens are those appended to `seq` since the previous one. */
  addDoc(
    doc: number,
    key: string,
    attrs: ArrayLike<number>,
    sortTime: number,
    sentiment: number,
    ref: number,
  ): void {
    const tokens = this.seq.length - this.pendingTokensStart;
    this.docIds.push(doc);
    this.keys.push(key);
    this.bytes += 56 + key.length - keySuffixStart(key) + tokens * 2;
    this.seqOffsets.push(this.seq.length);
    this.attrs.append(attrs);
    this.sortTime.push(sortTime);
    this.sentiment.push(sentiment);
    this.refs.push(ref);
  }

  /** The documents' filter attributes, ATTRS_PER_DOC term ids each, as the index holds them in memory. */
  attrValues(): Uint32Array {
    return this.attrs.toArray();
  }

  /** The documents' token sequence as the index holds it in memory. */
  sequence(): Uint32Array {
    return this.seq.toArray();
  }

  /** The row that persists the segment: token sequence packed, memberships of its own documents by position. */
  toRow(newTerms: readonly string[]): IndexSegmentRow {
    const { keyPrefixes, keySuffixes } = encodeKeys(this.keys, this.keyPrefixes);
    return {
      termBase: this.termBase,
      newTerms,
      keyPrefixBase: this.keyPrefixBase,
      newKeyPrefixes: this.keyPrefixes.termsFrom(this.keyPrefixBase),
      docIds: this.docIds.toArray(),
      keyPrefixes,
      keySuffixes,
      seqOffsets: this.seqOffsets.toArray(),
      packedSeq: packSeq(this.seq.view),
      sortTime: this.sortTime.toArray(),
      packedAttrs: packSeq(this.attrs.view),
      sentiment: this.sentiment.toArray(),
      refs: this.refs.toArray(),
      deleted: Uint32Array.from(this.deleted),
      members: this.members.toRows(this.keys),
    };
  }
}
