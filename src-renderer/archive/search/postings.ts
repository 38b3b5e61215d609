// Posting lists (ascending document ids, one list per term), operations on them, and a bounded heap that
// keeps the newest hits.
import { FIELD_BREAK } from '../segments/packed-seq.ts';

const NO_DOCS: readonly number[] = [];

/** The documents of each term, in the order they were posted (ascending ids), each document once. */
export class PostingLists {
  private readonly lists: number[][] = [];
  /** Last document posted per term, so a document is posted once per term. */
  private lastPosted = new Int32Array(1024);

  /** Sum of the lists' lengths. */
  get total(): number {
    let n = 0;
    for (const list of this.lists) n += list.length;
    return n;
  }

  /** Gives terms up to id `size - 1` their (empty) lists. */
  grow(size: number): void {
    if (size > this.lastPosted.length) {
      let capacity = this.lastPosted.length;
      while (capacity < size) capacity *= 2;
      const grown = new Int32Array(capacity);
      grown.set(this.lastPosted);
      this.lastPosted = grown;
    }
    for (let id = this.lists.length; id < size; id++) {
      this.lists.push([]);
      this.lastPosted[id] = -1;
    }
  }

  /** Adds `doc` to the term's list; field breaks and repeats within a document are skipped. */
  post(term: number, doc: number): void {
    if (term === FIELD_BREAK || this.lastPosted[term] === doc) return;
    this.lastPosted[term] = doc;
    this.lists[term]?.push(doc);
  }

  of(term: number): readonly number[] {
    return this.lists[term] ?? NO_DOCS;
  }
}

/** Documents present in every list; starts from the shortest and gallops through the longer ones. */
export function intersectSorted(lists: readonly (readonly number[])[]): readonly number[] {
  if (lists.length === 0) return [];
  const sorted = [...lists].sort((a, b) => a.length - b.length);
  let result: readonly number[] = sorted[0] ?? [];
  for (let i = 1; i < sorted.length && result.length > 0; i++) {
    const other = sorted[i] ?? [];
    const next: number[] = [];
    let lo = 0;
    for (const doc of result) {
      lo = gallop(other, doc, lo);
      if (lo >= other.length) break;
      if (other[lo] === doc) next.push(doc);
    }
    result = next;
  }
  return result;
}

/** First index at or after `from` whose value is ≥ target. */
function gallop(list: readonly number[], target: number, from: number): number {
  let step = 1;
  let hi = from;
  while (hi < list.length && (list[hi] ?? 0) < target) {
    from = hi + 1;
    hi += step;
    step *= 2;
  }
  hi = Math.min(hi, list.length);
  while (from < hi) {
    const mid = (from + hi) >>> 1;
    if ((list[mid] ?? 0) < target) from = mid + 1;
    else hi = mid;
  }
  return from;
}

export function unionSorted(lists: readonly (readonly number[])[]): number[] {
  if (lists.length === 1) return [...(lists[0] ?? [])];
  const all = new Set<number>();
  for (const list of lists) for (const doc of list) all.add(doc);
  return [...all].sort((a, b) => a - b);
}

/** Keeps the `k` documents with the greatest times (a min-heap on time). */
export class TopK {
  private readonly k: number;
  private readonly docs: number[] = [];
  private readonly times: number[] = [];

  constructor(k: number) {
    this.k = k;
  }

  wouldKeep(time: number): boolean {
    return this.docs.length < this.k || time > (this.times[0] ?? -Infinity);
  }

  push(doc: number, time: number): void {
    if (this.k <= 0) return;
    if (this.docs.length < this.k) {
      this.docs.push(doc);
      this.times.push(time);
      this.siftUp(this.docs.length - 1);
    } else if (time > (this.times[0] ?? -Infinity)) {
      this.docs[0] = doc;
      this.times[0] = time;
      this.siftDown(0);
    }
  }

  sortedDescending(): number[] {
    const order = this.docs.map((doc, i) => ({ doc, time: this.times[i] ?? 0 }));
    order.sort((a, b) => b.time - a.time || b.doc - a.doc);
    return order.map((e) => e.doc);
  }

  private siftUp(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((this.times[parent] ?? 0) <= (this.times[i] ?? 0)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private siftDown(i: number): void {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let min = i;
      if (l < this.docs.length && (this.times[l] ?? 0) < (this.times[min] ?? 0)) min = l;
      if (r < this.docs.length && (this.times[r] ?? 0) < (this.times[min] ?? 0)) min = r;
      if (min === i) return;
      this.swap(i, min);
      i = min;
    }
  }

  private swap(a: number, b: number): void {
    [this.docs[a], this.docs[b]] = [this.docs[b] ?? 0, this.docs[a] ?? 0];
    [this.times[a], this.times[b]] = [this.times[b] ?? 0, this.times[a] ?? 0];
  }
}
