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

export function columnView(model: ColumnModel, passes: ItemPredicate): ColumnView {
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
  return { rows: shown, heldCount };
}
