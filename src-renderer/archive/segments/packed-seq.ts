// Token sequences of the search index as stored in its segments: unsigned LEB128 varints of id + 1, with 0
// for a field break. Term ids are numbered by first appearance, so frequent words have small ids and most
// tokens take one or two bytes instead of four: a segment is written (and compacted by IndexedDB) at
// about a third of the size of the plain Uint32Array it replaces.

/** Ends a field in a token sequence, so a phrase never runs from the title into the text. */
export const FIELD_BREAK = 0xffffffff;

/** Encodes term ids (FIELD_BREAK included) as varints. */
export function packSeq(seq: ArrayLike<number>): Uint8Array {
  // Worst case five bytes per id; the buffer is cut to what was written.
  let out = new Uint8Array(Math.max(16, seq.length * 2));
  let at = 0;
  for (let i = 0; i < seq.length; i++) {
    const id = seq[i] ?? FIELD_BREAK;
    let value = id === FIELD_BREAK ? 0 : id + 1;
    if (at + 5 > out.length) {
      const grown = new Uint8Array(out.length * 2);
      grown.set(out);
      out = grown;
    }
    while (value >= 0x80) {
      out[at++] = (value & 0x7f) | 0x80;
      value >>>= 7;
    }
    out[at++] = value;
  }
  return out.slice(0, at);
}

/** Decodes `count` term ids; throws on a truncated or overlong buffer (a damaged segment). */
export function unpackSeq(bytes: Uint8Array, count: number): Uint32Array {
  const seq = new Uint32Array(count);
  let at = 0;
  for (let i = 0; i < count; i++) {
    let value = 0;
    let shift = 0;
    for (;;) {
      if (at >= bytes.length || shift > 28) throw new Error('search index segment: damaged token sequence');
      const byte = bytes[at++] ?? 0;
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) break;
      shift += 7;
    }
    seq[i] = value === 0 ? FIELD_BREAK : value - 1;
  }
  if (at !== bytes.length) throw new Error('search index segment: damaged token sequence');
  return seq;
}
