// How a segment's documents are written and read back: token sequences and attributes as varints, and item
// keys split into a shared prefix (the author's or the feed's path, numbered in a dictionary of its own
// that the segments carry like the term dictionary) and what follows it. A key then costs its last path
// part and a byte or two instead of its whole length. Older forms of each field still read.
import type { IndexSegmentRow } from '../../db/archive-rows.ts';
import { ATTRS_PER_DOC } from '../search/index-filters.ts';
import { packSeq, unpackSeq } from './packed-seq.ts';
import type { TermDictionary } from './term-dictionary.ts';

/** Where a key's own part starts: after its last '/', or after the network name for keys without one. */
export function keySuffixStart(key: string): number {
  const slash = key.lastIndexOf('/');
  return slash >= 0 ? slash + 1 : key.indexOf(':') + 1;
}

export interface EncodedKeys {
  readonly keyPrefixes: Uint8Array;
  readonly keySuffixes: string[];
}

/** Splits keys into prefix ids (added to `prefixes` when new) and suffixes. */
export function encodeKeys(keys: readonly string[], prefixes: TermDictionary): EncodedKeys {
  const ids = new Uint32Array(keys.length);
  const keySuffixes: string[] = [];
  keys.forEach((key, i) => {
    const at = keySuffixStart(key);
    ids[i] = prefixes.internRange(key, 0, at);
    keySuffixes.push(key.slice(at));
  });
  return { keyPrefixes: packSeq(ids), keySuffixes };
}

/** The keys of a stored segment's documents; `prefixes` must already hold the segment's new prefixes. */
export function storedKeys(row: IndexSegmentRow, prefixes: TermDictionary): readonly string[] {
  if (!row.keySuffixes || !row.keyPrefixes) {
    if (row.keys) return row.keys;
    throw new Error(`search index segment ${row.id ?? '?'} has no document keys`);
  }
  const ids = unpackSeq(row.keyPrefixes, row.keySuffixes.length);
  return row.keySuffixes.map((suffix, i) => {
    const prefix = prefixes.termAt(ids[i] ?? 0);
    if (prefix === undefined) throw new Error(`search index segment ${row.id ?? '?'}: unknown key prefix`);
    // Joined into one flat string: `prefix + suffix` would be a rope that every Map lookup and IndexedDB
    // read of the key has to flatten again (search's first round ran ~25 % slower with it).
    return [prefix, suffix].join('');
  });
}

/** A stored segment's filter attributes, whichever form they were written in. */
export function storedAttrs(row: IndexSegmentRow): Uint32Array {
  const count = row.docIds.length * ATTRS_PER_DOC;
  if (row.packedAttrs) return unpackSeq(row.packedAttrs, count);
  if (row.attrs && row.attrs.length >= count) return row.attrs;
  throw new Error(`search index segment ${row.id ?? '?'} has no filter attributes`);
}

/** A stored segment's token sequence, whichever form it was written in. */
export function storedSequence(row: IndexSegmentRow): Uint32Array {
  const count = row.seqOffsets[row.seqOffsets.length - 1] ?? 0;
  if (row.packedSeq) return unpackSeq(row.packedSeq, count);
  if (row.seq && row.seq.length >= count) return row.seq;
  throw new Error(`search index segment ${row.id ?? '?'} has no token sequence`);
}
