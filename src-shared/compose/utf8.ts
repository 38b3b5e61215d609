// UTF-8 without TextEncoder: Bluesky facets are indexed in UTF-8 bytes and the content digest hashes bytes,
// and both must give the same answer in the renderer, a worker and main.

function codePointBytes(cp: number): number {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/** Byte length of `text` in UTF-8; a lone surrogate counts as U+FFFD (3 bytes), as encoders write it. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    bytes += cp >= 0xd800 && cp <= 0xdfff ? 3 : codePointBytes(cp);
  }
  return bytes;
}

export function utf8Encode(text: string): Uint8Array {
  const out = new Uint8Array(utf8Length(text));
  let i = 0;
  for (const ch of text) {
    let cp = ch.codePointAt(0) ?? 0;
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
    if (cp < 0x80) {
      out[i++] = cp;
    } else if (cp < 0x800) {
      out[i++] = 0xc0 | (cp >> 6);
      out[i++] = 0x80 | (cp & 0x3f);
    } else if (cp < 0x10000) {
      out[i++] = 0xe0 | (cp >> 12);
      out[i++] = 0x80 | ((cp >> 6) & 0x3f);
      out[i++] = 0x80 | (cp & 0x3f);
    } else {
      out[i++] = 0xf0 | (cp >> 18);
      out[i++] = 0x80 | ((cp >> 12) & 0x3f);
      out[i++] = 0x80 | ((cp >> 6) & 0x3f);
      out[i++] = 0x80 | (cp & 0x3f);
    }
  }
  return out;
}

/** Converts a UTF-16 offset into `text` to the matching UTF-8 byte offset. */
export function utf16ToUtf8Offset(text: string, offset: number): number {
  return utf8Length(text.slice(0, offset));
}

/**
 * `table[i]` is the UTF-8 byte offset of UTF-16 index `i` (length + 1 entries), so converting many
 * offsets in a long text costs one pass instead of one pass each.
 */
export function utf8OffsetTable(text: string): Uint32Array {
  const table = new Uint32Array(text.length + 1);
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    table[i] = bytes;
    const code = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      bytes += 4;
      table[i + 1] = bytes; // an offset inside a pair rounds up to its end
      i += 1;
    } else {
      bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : 3;
    }
  }
  table[text.length] = bytes;
  return table;
}
