// SHA-256 for post digests: the renderer and main must hash a post identically and synchronously (Web
// Crypto's digest is async), so both use @noble/hashes — audited, synchronous, the same code in Node and Chromium.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { utf8Encode } from '../compose/utf8.ts';

export function sha256Bytes(message: Uint8Array): Uint8Array {
  return sha256(message);
}

export function toHex(bytes: Uint8Array): string {
  return bytesToHex(bytes);
}

/** Hex SHA-256 of the UTF-8 encoding of `text`. */
export function sha256Hex(text: string): string {
  return toHex(sha256Bytes(utf8Encode(text)));
}
