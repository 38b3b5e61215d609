// Record keys for idempotent publishing: valid atproto TIDs that sort by time.
import { describe, expect, it } from 'vitest';
import { createTid, isTid, newPostRkey } from '../../../src-shared/atproto/tid.ts';

describe('TIDs', () => {
  it('are 13 base32-sortable characters that sort in time order', () => {
    const times = [0, 1, 1_700_000_000_000, 1_700_000_000_001, 1_800_000_000_000];
    const tids = times.map((t) => createTid(t, 0));
    for (const tid of tids) expect(isTid(tid)).toBe(true);
    expect([...tids].sort()).toEqual(tids);
    expect(createTid(0, 0)).toBe('2222222222222');
  });

  it('encodes the clock id in the last two characters and keeps sub-millisecond order', () => {
    expect(createTid(1_700_000_000_000, 0)).not.toBe(createTid(1_700_000_000_000, 1));
    expect(createTid(1_700_000_000_000, 0, 1) > createTid(1_700_000_000_000, 1023, 0)).toBe(true);
  });

  it('rejects what is not a TID, and makes fresh keys from the injected clock and randomness', () => {
    for (const bad of [
      '',
      'abc',
      '3kabcdefghij',
      '3kabcdefghij22',
      'zzzzzzzzzzzzz',
      '3KABCDEFGHIJ2',
      '3kabcdefghij1',
    ]) {
      expect(isTid(bad)).toBe(false);
    }
    const a = newPostRkey(1_700_000_000_000, () => 0);
    const b = newPostRkey(1_700_000_000_000, () => 0.999);
    expect(isTid(a) && isTid(b)).toBe(true);
    expect(a).not.toBe(b);
    expect(() => createTid(-1, 0)).toThrow(RangeError);
  });
});
