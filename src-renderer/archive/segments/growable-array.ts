// A typed array that grows as values are appended: the index's per-batch columns (token ids, times,
// attributes) are filled one value at a time, and a plain JS array per column per batch was a large part
// of the garbage an ingest leaves behind.

type TypedArray = Uint8Array | Int8Array | Uint32Array | Float64Array;

interface TypedArrayConstructor<T extends TypedArray> {
  new (length: number): T;
}

export class GrowableArray<T extends TypedArray> {
  private readonly make: TypedArrayConstructor<T>;
  private buffer: T;
  private size = 0;

  constructor(make: TypedArrayConstructor<T>, capacity = 64) {
    this.make = make;
    this.buffer = new make(capacity);
  }

  get length(): number {
    return this.size;
  }

  /** The values so far, without copying; valid until the next append. */
  get view(): T {
    return this.buffer.subarray(0, this.size) as T;
  }

  push(value: number): void {
    if (this.size === this.buffer.length) this.reserve(this.size + 1);
    this.buffer[this.size++] = value;
  }

  append(values: ArrayLike<number>): void {
    this.reserve(this.size + values.length);
    for (let i = 0; i < values.length; i++) this.buffer[this.size++] = values[i] ?? 0;
  }

  at(index: number): number {
    return this.buffer[index] ?? 0;
  }

  /** Forgets the values from `length` on. */
  truncate(length: number): void {
    if (length < this.size) this.size = Math.max(0, length);
  }

  /** A copy holding exactly the values. */
  toArray(): T {
    return this.buffer.slice(0, this.size) as T;
  }

  private reserve(capacity: number): void {
    if (capacity <= this.buffer.length) return;
    let next = this.buffer.length * 2;
    while (next < capacity) next *= 2;
    const grown = new this.make(next);
    grown.set(this.buffer as never);
    this.buffer = grown;
  }
}
