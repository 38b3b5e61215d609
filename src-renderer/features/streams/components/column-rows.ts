// What a column shows: its rows minus held arrivals, through the column's filter. Each item's verdict is
// cached per filter, so a frame with new items costs a pass over references, not a re-filter.
import type { ItemPredicate } from '../../../../src-shared/filters/column-filter.ts';
import type { StreamItem } from '../../../../src-shared/domain/stream-item.ts';
import type { Row } from '../model/column-buffer.ts';
import type { ColumnModel } from '../model/stream-hub.ts';

export interface ColumnView {
  readonly rows: readonly Row[];
  /** Held arrivals that pass the filter (the pill's number). */
  readonly heldCount: number;
}

export function cachedPredicate(predicate: ItemPredicate): ItemPredicate {
  const verdicts = new WeakMap<StreamItem, boolean>();
  return (item) => {
    let verdict = verdicts.get(item);
    if (verdict === undefined) {
      verdict = predicate(item);
      verdicts.set(item, verdict);
    }
    return verdict;
  };
}

/**
 * `previous` is the view last shown: when the rows it shows did not change (arrivals held behind the pill
 * only change the count), its rows array is handed back as is, so the list keeps every row's position and
 * re-renders nothing but the pill.
 */
export function columnView(model: ColumnModel, passes: ItemPredicate, previous?: ColumnView): ColumnView {
  const { rows, held, heldDropped } = model.buffer;
  let heldCount = heldDropped;
  for (let i = 0; i < held; i += 1) {
    const row = rows[i]!;
    if (row.kind === 'item' && passes(row.item)) heldCount += 1;
  }
  const shown: Row[] = [];
  for (let i = held; i < rows.length; i += 1) {
    const row = rows[i]!;
    if (row.kind === 'gap' || passes(row.item)) shown.push(row);
  }
  if (previous && sameRows(previous.rows, shown)) {
    return previous.heldCount === heldCount ? previous : { rows: previous.rows, heldCount };
  }
  return { rows: shown, heldCount };
}

function sameRows(a: readonly Row[], b: readonly Row[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}
