// One column's items in memory: newest first, bounded, deduplicated, with gap markers in place. Arrivals
// can be held at the top (rows[0..held)) so what the reader is looking at never moves; releasing them is
// the "N new" pill. Older items stay in the archive, not here.
import type { Gap } from '../../../../src-shared/contract/streams-contract.ts';
import type { StreamItem } from '../../../../src-shared/domain/stream-item.ts';

export type Row =
  | { readonly kind: 'item'; readonly key: string; readonly item: StreamItem }
  | { readonly kind: 'gap'; readonly key: string; readonly gap: Gap };

export const DEFAULT_CAPACITY = 2_000;

const itemRow = (item: StreamItem): Row => ({ kind: 'item', key: item.key, item });
const gapRow = (gap: Gap): Row => ({ kind: 'gap', key: `gap:${gap.id}`, gap });

export class ColumnBuffer {
  readonly capacity: number;
  rows: Row[] = [];
  /** rows[0..held) arrived while the reader was away from the top; they are not shown yet. */
  held = 0;
  /** Held arrivals dropped because more than `capacity` came in while away; still counted in the pill. */
  heldDropped = 0;
  private readonly keys = new Set<string>();
  /** Where a gap marker sent after its batch belongs: below the last item of the newest batch. */
  private lastNewerEnd: string | null = null;
  private lastGapFillEnd: string | null = null;

  constructor(capacity = DEFAULT_CAPACITY) {
    this.capacity = capacity;
  }

  get size(): number {
    return this.rows.length;
  }

  has(key: string): boolean {
    return this.keys.has(key);
  }

  /** Adds the newest items (newest first); returns how many were new. */
  addNewer(items: readonly StreamItem[], gap: Gap | null, hold: boolean): number {
    if (!hold) this.held = 0;
    const fresh = this.fresh(items);
    const added: Row[] = fresh.map(itemRow);
    if (gap && !this.keys.has(`gap:${gap.id}`)) {
      if (added.length > 0 || this.lastNewerEnd === null) added.push(gapRow(gap));
      else this.insertAfter(this.lastNewerEnd, [gapRow(gap)]);
    }
    if (fresh.length > 0) this.lastNewerEnd = fresh[fresh.length - 1]!.key;
    if (added.length === 0) return 0;
    for (const row of added) this.keys.add(row.key);
    this.rows = added.concat(this.rows);
    if (hold) this.held += added.length;
    this.trim();
    return fresh.length;
  }

  /** Fills the gap marker `gap` with items, or, when no such marker is held, places a narrower one. */
  fillGap(items: readonly StreamItem[], gap: Gap): number {
    const markerKey = `gap:${gap.id}`;
    const index = this.rows.findIndex((r) => r.key === markerKey);
    if (index < 0) {
      if (this.lastGapFillEnd !== null && items.length === 0)
        this.insertAfter(this.lastGapFillEnd, [gapRow(gap)]);
      return 0;
    }
    const fresh = this.fresh(items).map(itemRow);
    for (const row of fresh) this.keys.add(row.key);
    this.keys.delete(markerKey);
    this.rows = [...this.rows.slice(0, index), ...fresh, ...this.rows.slice(index + 1)];
    if (index < this.held) this.held += fresh.length - 1;
    this.lastGapFillEnd = fresh.length > 0 ? fresh[fresh.length - 1]!.key : null;
    return fresh.length;
  }

  /** Appends older items below the oldest held; room for up to twice the capacity when the reader asks. */
  addOlder(items: readonly StreamItem[]): number {
    const room = this.capacity * 2 - this.rows.length;
    const fresh = this.fresh(items).slice(0, Math.max(0, room)).map(itemRow);
    for (const row of fresh) this.keys.add(row.key);
    if (fresh.length > 0) this.rows = this.rows.concat(fresh);
    return fresh.length;
  }

  /** Shows held arrivals; the column is then trimmed back to its capacity. */
  release(): void {
    this.held = 0;
    this.heldDropped = 0;
    this.trim();
  }

  replaceItem(item: StreamItem): void {
    const index = this.rows.findIndex((r) => r.key === item.key);
    if (index < 0) return;
    const rows = this.rows.slice();
    rows[index] = itemRow(item);
    this.rows = rows;
  }

  /**
   * Takes out the items `drop` picks. Returns their keys, and how many of them were among the column's
   * `newest` items (the unread ones, which arrive on top), so the caller can keep its unread count right.
   */
  removeWhere(drop: (item: StreamItem) => boolean, newest: number): { keys: string[]; amongNewest: number } {
    const keys: string[] = [];
    let amongNewest = 0;
    let items = 0;
    let heldGone = 0;
    const kept = this.rows.filter((row, index) => {
      if (row.kind !== 'item') return true;
      items += 1;
      if (!drop(row.item)) return true;
      keys.push(row.key);
      if (items <= newest) amongNewest += 1;
      if (index < this.held) heldGone += 1;
      return false;
    });
    if (keys.length === 0) return { keys, amongNewest };
    this.rows = kept;
    this.held -= heldGone;
    for (const key of keys) this.keys.delete(key);
    // A gap marker arriving later goes on top rather than after an item that is no longer here.
    if (this.lastNewerEnd !== null && !this.keys.has(this.lastNewerEnd)) this.lastNewerEnd = null;
    if (this.lastGapFillEnd !== null && !this.keys.has(this.lastGapFillEnd)) this.lastGapFillEnd = null;
    return { keys, amongNewest };
  }

  clear(): void {
    this.rows = [];
    this.keys.clear();
    this.held = 0;
    this.heldDropped = 0;
    this.lastNewerEnd = null;
    this.lastGapFillEnd = null;
  }

  private fresh(items: readonly StreamItem[]): StreamItem[] {
    const seen = new Set<string>();
    return items.filter((i) => !this.keys.has(i.key) && !seen.has(i.key) && (seen.add(i.key), true));
  }

  private insertAfter(key: string, added: Row[]): void {
    const index = this.rows.findIndex((r) => r.key === key);
    if (index < 0) return;
    for (const row of added) this.keys.add(row.key);
    this.rows = [...this.rows.slice(0, index + 1), ...added, ...this.rows.slice(index + 1)];
    if (index < this.held) this.held += added.length;
  }

  private trim(): void {
    if (this.held > this.capacity) {
      // The stretch being read is kept; the oldest held arrivals go (the archive has them).
      const dropped = this.rows.splice(this.capacity, this.held - this.capacity);
      for (const row of dropped) this.keys.delete(row.key);
      this.heldDropped += dropped.filter((r) => r.kind === 'item').length;
      this.held = this.capacity;
      return;
    }
    if (this.held === 0 && this.rows.length > this.capacity) {
      for (let i = this.capacity; i < this.rows.length; i += 1) this.keys.delete(this.rows[i]!.key);
      this.rows = this.rows.slice(0, this.capacity);
    }
  }
}
