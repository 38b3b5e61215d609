// Schema v3 → v4: v3 kept column membership as columnItems rows; v4 keeps it in the search index segments.
// Turns the v3 rows' keys into one segment appended after the existing ones.
import type { IndexSegmentRow, MemberChange } from './archive-rows.ts';

/** A v3 sortKey is `${(9e15 - time) as 16 digits}|${item key}`: the item key starts at character 17. */
const SORT_PREFIX = 17;

/**
 * `memberKeys` are v3 columnItems primary keys ([columnKey, sortKey], the sortKey ending with the item
 * key). Returns null when there is nothing to carry over, or no stored index to append to (the archive
 * then rebuilds its index from the items; their memberships are lost, and they leave at the age limit).
 */
export function membershipSegment(
  memberKeys: readonly (readonly [string, string])[],
  last: IndexSegmentRow | undefined,
): IndexSegmentRow | null {
  if (memberKeys.length === 0 || !last) return null;
  const byColumn = new Map<string, string[]>();
  for (const [column, sortKey] of memberKeys) {
    const key = sortKey.slice(SORT_PREFIX);
    const list = byColumn.get(column);
    if (list) list.push(key);
    else byColumn.set(column, [key]);
  }
  const members: MemberChange[] = [...byColumn].map(([column, added]) => ({ column, added, removed: [] }));
  return {
    termBase: last.termBase + last.newTerms.length,
    newTerms: [],
    docIds: new Uint32Array(0),
    keys: [],
    seqOffsets: Uint32Array.of(0),
    seq: new Uint32Array(0),
    sortTime: new Float64Array(0),
    attrs: new Uint32Array(0),
    sentiment: new Int8Array(0),
    deleted: new Uint32Array(0),
    members,
  };
}
