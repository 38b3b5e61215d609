// The search index's dictionary: term ↔ id, ids numbered by first appearance. Ingest looks up every token
// of every post, so lookups take a range of the tokenizer's text rather than a string cut out of it: most
// tokens are known words, and cutting then hashing each one was the largest cost of indexing a batch.
import { hashOf, hashRange, sameText } from '../../../src-shared/text/range-table.ts';

const INITIAL_SLOTS = 1 << 12;

/** Spreads the polynomial hash over the bits the table masks with (similar words hash to neighbours). */
function mix(hash: number): number {
  let h = hash ^ (hash >>> 16);
  h = Math.imul(h, 0x45d9f3b);
  return h ^ (h >>> 16);
}

export class TermDictionary {
  private readonly terms: string[] = [];
  private hashes = new Int32Array(INITIAL_SLOTS / 2);
  /** Open addressing, linear probing: id + 1 per slot, 0 when empty; never more than half full. */
  private slots = new Int32Array(INITIAL_SLOTS);

  get size(): number {
    return this.terms.length;
  }

  termAt(id: number): string | undefined {
    return this.terms[id];
  }

  /** Terms from id `from` on, in id order. */
  termsFrom(from: number): string[] {
    return this.terms.slice(from);
  }

  idOf(term: string): number | undefined {
    return this.find(term, 0, term.length, hashOf(term));
  }

  /** The id of text[start, end), added when new. */
  internRange(text: string, start: number, end: number): number {
    const hash = hashRange(text, start, end);
    return this.find(text, start, end, hash) ?? this.insert(detachedSlice(text, start, end), hash);
  }

  /** Adds `term` under the next id even if already known, as a stored dictionary is replayed. */
  append(term: string): number {
    return this.insert(term, hashOf(term));
  }

  intern(term: string): number {
    const hash = hashOf(term);
    return this.find(term, 0, term.length, hash) ?? this.insert(term, hash);
  }

  private find(text: string, start: number, end: number, hash: number): number | undefined {
    const mask = this.slots.length - 1;
    const length = end - start;
    for (let slot = mix(hash) & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot] ?? 0;
      if (entry === 0) return undefined;
      const id = entry - 1;
      const term = this.terms[id] ?? '';
      if (this.hashes[id] === hash && term.length === length && sameText(term, text, start)) return id;
    }
  }

  private insert(term: string, hash: number): number {
    const id = this.terms.length;
    this.terms.push(term);
    if (id >= this.hashes.length) {
      const grown = new Int32Array(this.hashes.length * 2);
      grown.set(this.hashes);
      this.hashes = grown;
    }
    this.hashes[id] = hash;
    if (this.terms.length * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    else this.place(id, this.slots);
    return id;
  }

  private rehash(size: number): void {
    const slots = new Int32Array(size);
    for (let id = 0; id < this.terms.length; id++) this.place(id, slots);
    this.slots = slots;
  }

  private place(id: number, slots: Int32Array): void {
    const mask = slots.length - 1;
    let slot = mix(this.hashes[id] ?? 0) & mask;
    while ((slots[slot] ?? 0) !== 0) slot = (slot + 1) & mask;
    slots[slot] = id + 1;
  }
}

/**
 * text[start, end) as a string of its own. V8 makes a longer slice a view that keeps the whole text alive,
 * and a dictionary term lives as long as the index: every URL or handle would pin the post it first came
 * in (~7 MB per 50,000 items). Slicing a fresh concatenation keeps only a copy of the term.
 */
function detachedSlice(text: string, start: number, end: number): string {
  return ('\u0000' + text.slice(start, end)).slice(1);
}
