// Which columns hold which archived items, kept in the worker's memory (a few bytes per membership) and
// persisted as changes inside the search index segments, so searches and column reads never query it.
import type { MemberChange } from '../../db/archive-rows.ts';

export class ColumnMembers {
  private readonly columns = new Map<string, Set<string>>();

  get size(): number {
    let n = 0;
    for (const keys of this.columns.values()) n += keys.size;
    return n;
  }

  columnNames(): string[] {
    return [...this.columns.keys()];
  }

  keysOf(column: string): ReadonlySet<string> {
    return this.columns.get(column) ?? new Set();
  }

  has(column: string, key: string): boolean {
    return this.columns.get(column)?.has(key) ?? false;
  }

  /** Columns holding the item, in the order the columns first appeared. */
  columnsOf(key: string): string[] {
    const out: string[] = [];
    for (const [column, keys] of this.columns) if (keys.has(key)) out.push(column);
    return out;
  }

  isHeld(key: string): boolean {
    for (const keys of this.columns.values()) if (keys.has(key)) return true;
    return false;
  }

  add(column: string, key: string): boolean {
    let keys = this.columns.get(column);
    if (!keys) {
      keys = new Set();
      this.columns.set(column, keys);
    }
    if (keys.has(key)) return false;
    keys.add(key);
    return true;
  }

  remove(column: string, key: string): boolean {
    const keys = this.columns.get(column);
    if (!keys?.delete(key)) return false;
    if (keys.size === 0) this.columns.delete(column);
    return true;
  }

  /** Forgets the item in every column. */
  removeEverywhere(key: string): void {
    for (const column of this.columnsOf(key)) this.remove(column, key);
  }

  /** Replays a segment's changes; `keys` are that segment's document keys, which `addedAt` points into. */
  apply(changes: readonly MemberChange[], keys: readonly string[]): void {
    for (const change of changes) {
      for (const key of change.removed) this.remove(change.column, key);
      for (const key of change.added) this.add(change.column, key);
      for (const at of change.addedAt ?? []) {
        const key = keys[at];
        if (key === undefined)
          throw new Error(`search index segment: membership of a missing document ${at}`);
        this.add(change.column, key);
      }
    }
  }

  /** item key → its columns, for writing every membership out again (compaction). */
  byKey(): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const [column, keys] of this.columns) {
      for (const key of keys) {
        const list = out.get(key);
        if (list) list.push(column);
        else out.set(key, [column]);
      }
    }
    return out;
  }
}

/** Collects one segment's membership changes, merged per column. */
export class MemberLog {
  private readonly changes = new Map<string, { added: string[]; removed: string[] }>();

  get isEmpty(): boolean {
    return this.changes.size === 0;
  }

  added(column: string, key: string): void {
    this.entry(column).added.push(key);
  }

  removed(column: string, key: string): void {
    this.entry(column).removed.push(key);
  }

  /**
   * The changes as stored. Items the segment also indexes (`docKeys`, usually all of them) are written as
   * their position there, so a batch's keys are stored once rather than once more per column.
   */
  toRows(docKeys: readonly string[]): MemberChange[] {
    let position: Map<string, number> | null = null;
    return [...this.changes].map(([column, c]) => {
      if (c.added.length === 0 || docKeys.length === 0) return { column, added: c.added, removed: c.removed };
      position ??= new Map(docKeys.map((key, i) => [key, i]));
      const added: string[] = [];
      const addedAt: number[] = [];
      for (const key of c.added) {
        const at = position.get(key);
        if (at === undefined) added.push(key);
        else addedAt.push(at);
      }
      return { column, added, addedAt: Uint32Array.from(addedAt), removed: c.removed };
    });
  }

  private entry(column: string): { added: string[]; removed: string[] } {
    let entry = this.changes.get(column);
    if (!entry) {
      entry = { added: [], removed: [] };
      this.changes.set(column, entry);
    }
    return entry;
  }
}
