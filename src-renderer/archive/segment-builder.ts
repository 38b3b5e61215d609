// One segment of the archive's search index as it is built: a batch's documents (keys, term sequences,
// filter attributes), the documents it deletes and the column memberships it changes, laid out as the
// typed arrays of the row that persists it.
import type { IndexSegmentRow } from '../db/archive-rows.ts';
import { MemberLog } from './column-members.ts';
import { packSeq } from './packed-seq.ts';

/** Collects one batch's documents in the column layout a segment row is persisted in. */
export class SegmentBuilder {
  readonly termBase: number;
  readonly deleted: number[] = [];
  readonly members = new MemberLog();
  private readonly docIds: number[] = [];
  private readonly keys: string[] = [];
  private readonly seq: number[] = [];
  private readonly seqOffsets: number[] = [0];
  private readonly sortTime: number[] = [];
  private readonly attrs: number[] = [];
  private readonly sentiment: number[] = [];
  private readonly refs: number[] = [];
  private bytes = 0;

  constructor(termBase: number) {
    this.termBase = termBase;
  }

  /** Stored size, over-estimated: packed term ids take one or two bytes each, mostly. */
  get estimatedBytes(): number {
    return this.bytes;
  }

  get size(): number {
    return this.docIds.length;
  }

  isEmpty(): boolean {
    return this.docIds.length === 0 && this.deleted.length === 0 && this.members.isEmpty;
  }

  addDoc(
    doc: number,
    key: string,
    seq: readonly number[],
    attrs: readonly number[],
    sortTime: number,
    sentiment: number,
    ref: number,
  ): void {
    this.docIds.push(doc);
    this.keys.push(key);
    this.bytes += 52 + key.length + seq.length * 2;
    for (const t of seq) this.seq.push(t);
    this.seqOffsets.push(this.seq.length);
    for (const a of attrs) this.attrs.push(a);
    this.sortTime.push(sortTime);
    this.sentiment.push(sentiment);
    this.refs.push(ref);
  }

  /** The documents' token sequence as the index holds it in memory. */
  sequence(): Uint32Array {
    return Uint32Array.from(this.seq);
  }

  /** The row that persists the segment: token sequence packed, memberships of its own documents by position. */
  toRow(newTerms: readonly string[]): IndexSegmentRow {
    return {
      termBase: this.termBase,
      newTerms,
      docIds: Uint32Array.from(this.docIds),
      keys: this.keys,
      seqOffsets: Uint32Array.from(this.seqOffsets),
      packedSeq: packSeq(this.seq),
      sortTime: Float64Array.from(this.sortTime),
      attrs: Uint32Array.from(this.attrs),
      sentiment: Int8Array.from(this.sentiment),
      refs: Uint32Array.from(this.refs),
      deleted: Uint32Array.from(this.deleted),
      members: this.members.toRows(this.keys),
    };
  }
}
