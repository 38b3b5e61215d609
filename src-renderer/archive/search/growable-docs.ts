// Per-document columns of the search index (key, token sequence slice, filter attributes, time,
// sentiment, post reference, liveness) in typed arrays that double as they fill, so 200k documents stay compact.

export class GrowableDocs {
  count = 0;
  liveCount = 0;
  keys: string[] = [];
  /** The segment buffer holding each document's token sequence, shared by all documents of a segment. */
  seqRef: (Uint32Array | undefined)[] = [];
  seqStart = new Uint32Array(1024);
  seqEnd = new Uint32Array(1024);
  sortTime = new Float64Array(1024);
  sentiment = new Int8Array(1024);
  alive = new Uint8Array(1024);
  /** postRef of the post the item points at; 0 for none. */
  ref = new Uint32Array(1024);
  attrs: Uint32Array;
  private readonly attrsPerDoc: number;

  constructor(attrsPerDoc: number) {
    this.attrsPerDoc = attrsPerDoc;
    this.attrs = new Uint32Array(1024 * attrsPerDoc);
  }

  set(
    doc: number,
    key: string,
    seq: Uint32Array,
    start: number,
    end: number,
    attrs: Uint32Array,
    attrsAt: number,
    sortTime: number,
    sentiment: number,
    ref: number,
    live: boolean,
  ): void {
    this.ensure(doc + 1);
    if (doc >= this.count) this.count = doc + 1;
    const wasLive = this.alive[doc] === 1;
    this.keys[doc] = key;
    this.seqRef[doc] = seq;
    this.seqStart[doc] = start;
    this.seqEnd[doc] = end;
    const n = this.attrsPerDoc;
    for (let i = 0; i < n; i++) this.attrs[doc * n + i] = attrs[attrsAt + i] ?? 0;
    this.sortTime[doc] = sortTime;
    this.sentiment[doc] = sentiment;
    this.ref[doc] = ref;
    this.alive[doc] = live ? 1 : 0;
    this.liveCount += (live ? 1 : 0) - (wasLive ? 1 : 0);
  }

  /** Whether the document's token sequence holds these term ids one after another. */
  hasPhrase(doc: number, phrase: readonly number[]): boolean {
    const buf = this.seqRef[doc];
    if (!buf) return false;
    const start = this.seqStart[doc] ?? 0;
    const last = (this.seqEnd[doc] ?? 0) - phrase.length;
    outer: for (let i = start; i <= last; i++) {
      for (let j = 0; j < phrase.length; j++) if (buf[i + j] !== phrase[j]) continue outer;
      return true;
    }
    return false;
  }

  kill(doc: number): void {
    if (this.alive[doc] !== 1) return;
    this.alive[doc] = 0;
    this.liveCount -= 1;
  }

  bytes(): number {
    return (
      this.seqStart.byteLength +
      this.seqEnd.byteLength +
      this.sortTime.byteLength +
      this.sentiment.byteLength +
      this.alive.byteLength +
      this.ref.byteLength +
      this.attrs.byteLength +
      this.keys.length * 8
    );
  }

  private ensure(size: number): void {
    if (size <= this.alive.length) return;
    let capacity = this.alive.length;
    while (capacity < size) capacity *= 2;
    this.seqStart = grow(this.seqStart, new Uint32Array(capacity));
    this.seqEnd = grow(this.seqEnd, new Uint32Array(capacity));
    this.sortTime = grow(this.sortTime, new Float64Array(capacity));
    this.sentiment = grow(this.sentiment, new Int8Array(capacity));
    this.alive = grow(this.alive, new Uint8Array(capacity));
    this.ref = grow(this.ref, new Uint32Array(capacity));
    this.attrs = grow(this.attrs, new Uint32Array(capacity * this.attrsPerDoc));
  }
}

function grow<T extends { set(source: T): void }>(from: T, to: T): T {
  to.set(from);
  return to;
}
