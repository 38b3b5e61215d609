// A small hash table keyed by a slice of a text, so the scanners can look a word up without cutting it out as
// a new string first (cutting and hashing every word of every post was most of their garbage).

/** Hash of one more UTF-16 code unit; the scanners fold it in as they read. */
export function hashStep(hash: number, code: number): number {
  return (Math.imul(hash, 31) + code) | 0;
}

/** Hash of text[start, end). */
export function hashRange(text: string, start: number, end: number): number {
  let hash = 0;
  for (let i = start; i < end; i += 1) hash = hashStep(hash, text.charCodeAt(i));
  return hash;
}

export function hashOf(key: string): number {
  return hashRange(key, 0, key.length);
}

function lowerAscii(code: number): number {
  return code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
}

/**
 * Open addressing with linear probing; it forgets everything when half full, which keeps probes short and
 * memory bounded (posts bring new words all the time).
 */
export class RangeTable<V> {
  private keys: Array<string | undefined>;
  private hashes: Int32Array;
  private values: Array<V | undefined>;
  private readonly mask: number;
  private size = 0;

  constructor(capacityBits: number) {
    const capacity = 1 << capacityBits;
    this.mask = capacity - 1;
    this.keys = new Array<string | undefined>(capacity).fill(undefined);
    this.hashes = new Int32Array(capacity);
    this.values = new Array<V | undefined>(capacity).fill(undefined);
  }

  /**
   * The value stored under text[start, end), with ASCII capitals read as small letters when `lower` is set;
   * `hash` is that slice's hash (lowered the same way).
   */
  get(text: string, start: number, end: number, hash: number, lower: boolean): V | undefined {
    const length = end - start;
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const key = this.keys[slot];
      if (key === undefined) return undefined;
      if (this.hashes[slot] === hash && key.length === length && sameText(key, text, start, lower))
        return this.values[slot];
    }
  }

  set(key: string, hash: number, value: V): void {
    if (this.size * 2 >= this.keys.length) this.clear();
    let slot = hash & this.mask;
    while (this.keys[slot] !== undefined) {
      if (this.keys[slot] === key) {
        this.values[slot] = value;
        return;
      }
      slot = (slot + 1) & this.mask;
    }
    this.keys[slot] = key;
    this.hashes[slot] = hash;
    this.values[slot] = value;
    this.size += 1;
  }

  private clear(): void {
    this.keys.fill(undefined);
    this.values.fill(undefined);
    this.size = 0;
  }
}

/** Whether text[start, start + key.length) is `key` (ASCII capitals in `text` read as small when `lower`). */
export function sameText(key: string, text: string, start: number, lower = false): boolean {
  for (let i = 0; i < key.length; i += 1) {
    const code = text.charCodeAt(start + i);
    if (key.charCodeAt(i) !== (lower ? lowerAscii(code) : code)) return false;
  }
  return true;
}
