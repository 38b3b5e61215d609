// Record keys for posts Roost publishes: atproto TIDs (13 base32-sortable characters: microseconds since the
// epoch plus a 10-bit clock id). The caller picks the key before publishing, so a retry reuses it.
const ALPHABET = '234567abcdefghijklmnopqrstuvwxyz';
const TID_PATTERN = /^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/;

export function isTid(value: string): boolean {
  return TID_PATTERN.test(value);
}

// Any record key (https://atproto.com/specs/record-key): 1–512 of these characters, but not `.` or `..`.
const RECORD_KEY_PATTERN = /^[A-Za-z0-9._:~-]{1,512}$/;

/** A record key as another writer may have chosen it (a TID, `self`, a literal…), read from a URI. */
export function isRecordKey(value: string): boolean {
  return RECORD_KEY_PATTERN.test(value) && value !== '.' && value !== '..';
}

/**
 * `nowMs` comes from the injected clock; `clockId` (0–1023) keeps two writers at the same microsecond apart
 * and `subMicros` (0–999) lets a caller that makes several keys in one millisecond keep them ordered.
 */
export function createTid(nowMs: number, clockId: number, subMicros = 0): string {
  if (!Number.isFinite(nowMs) || nowMs < 0) throw new RangeError('TID time must be a non-negative number');
  const micros =
    BigInt(Math.floor(nowMs)) * 1000n + BigInt(Math.max(0, Math.min(999, Math.floor(subMicros))));
  const clock = BigInt(Math.max(0, Math.min(1023, Math.floor(clockId))));
  let value = ((micros & ((1n << 53n) - 1n)) << 10n) | clock;
  let out = '';
  for (let i = 0; i < 13; i++) {
    out = ALPHABET[Number(value & 31n)] + out;
    value >>= 5n;
  }
  return out;
}

/** A fresh key for a post about to be published, from the injected clock and randomness. */
export function newPostRkey(nowMs: number, random: () => number = Math.random): string {
  return createTid(nowMs, Math.floor(random() * 1024), Math.floor(random() * 1000));
}
