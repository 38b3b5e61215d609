// Remembered results of a pure function, forgotten all at once when there are `limit` of them. The text
// code looks the same words, code points and attribute values up again and again, while posts keep
// bringing new ones (names, typos, emoji): a memo that never forgot would only grow.
export class BoundedMemo<K, V> {
  private readonly values = new Map<K, V>();
  private readonly limit: number;
  private readonly compute: (key: K) => V;

  constructor(limit: number, compute: (key: K) => V) {
    this.limit = limit;
    this.compute = compute;
  }

  get(key: K): V {
    let value = this.values.get(key);
    if (value === undefined) {
      if (this.values.size >= this.limit) this.values.clear();
      value = this.compute(key);
      this.values.set(key, value);
    }
    return value;
  }
}
