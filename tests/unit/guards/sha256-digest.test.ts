// SHA-256 against the FIPS 180-4 vectors and Node's own implementation; the content digest's stability.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { utf8Encode } from '../../../src-shared/compose/utf8.ts';
import { canonicalJson, computeContentDigest } from '../../../src-shared/guards/digest.ts';
import { sha256Bytes, sha256Hex, toHex } from '../../../src-shared/guards/sha256.ts';
import { post, target } from './fixtures.ts';

describe('sha256', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    [
      'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    ],
    [
      'abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu',
      'cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1',
    ],
    [
      'The quick brown fox jumps over the lazy dog',
      'd7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592',
    ],
  ])('hashes %j', (input, expected) => {
    expect(sha256Hex(input)).toBe(expected);
  });

  it('hashes one million "a" (many blocks)', () => {
    expect(toHex(sha256Bytes(new Uint8Array(1_000_000).fill(0x61)))).toBe(
      'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0',
    );
  });

  it('agrees with node:crypto at every length around the padding boundaries, and on Unicode', () => {
    for (let length = 0; length <= 130; length++) {
      const text = 'é😀a'.repeat(length).slice(0, length);
      expect(sha256Hex(text), `length ${length}`).toBe(
        createHash('sha256').update(text, 'utf8').digest('hex'),
      );
    }
  });
});

describe('utf8Encode', () => {
  it('matches TextEncoder, including astral characters and lone surrogates', () => {
    for (const text of ['', 'abc', 'Café', '日本語', '👩🏽‍💻', 'a\ud800b', '\udc00']) {
      expect(Array.from(utf8Encode(text))).toEqual(Array.from(new TextEncoder().encode(text)));
    }
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every level and drops whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: null, y: 'x' }], c: true } })).toBe(
      '{"a":{"c":true,"d":[3,{"y":"x","z":null}]},"b":1}',
    );
  });
  it('refuses non-finite numbers', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
  });
});

describe('computeContentDigest', () => {
  const base = post([target('Hello', 'acct-a'), target('Bonjour', 'acct-b', { network: 'mastodon' })], {
    scheduledAt: '2025-02-01T09:00:00Z',
  });
  const digest = computeContentDigest(base);

  it('is a sha256 of the canonical post, independent of target order and of the schedule spelling', () => {
    expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(computeContentDigest({ ...base, targets: [...base.targets].reverse() })).toBe(digest);
    expect(computeContentDigest({ ...base, scheduledAt: '2025-02-01T10:00:00+01:00' })).toBe(digest);
  });

  it('ignores which column a reply was opened from, but not what it replies to', () => {
    const ref = {
      network: 'bluesky' as const,
      remoteId: 'at://did:plc:x/app.bsky.feed.post/1',
      cid: 'bafy',
      sourceAccountId: 'acct-a',
    };
    const replying = computeContentDigest({ ...base, replyTo: ref });
    expect(computeContentDigest({ ...base, replyTo: { ...ref, sourceAccountId: 'acct-b' } })).toBe(replying);
    expect(computeContentDigest({ ...base, replyTo: { ...ref, remoteId: `${ref.remoteId}2` } })).not.toBe(
      replying,
    );
  });

  const media = { id: 'm1', kind: 'image' as const, mimeType: 'image/png', bytes: 10, alt: 'A cat' };
  it.each([
    ['text', { ...base, targets: [target('Hello!', 'acct-a'), base.targets[1]!] }],
    ['an added account', { ...base, targets: [...base.targets, target('Hello', 'acct-c')] }],
    ['a removed account', { ...base, targets: [base.targets[0]!] }],
    ['the schedule', { ...base, scheduledAt: '2025-02-01T09:01:00Z' }],
    ['publishing now instead', { ...base, scheduledAt: null }],
    ['a media id', { ...base, targets: [target('Hello', 'acct-a', { media: [media] }), base.targets[1]!] }],
    [
      'a content warning',
      { ...base, targets: [target('Hello', 'acct-a', { contentWarning: 'cw' }), base.targets[1]!] },
    ],
    [
      'a quote',
      {
        ...base,
        quote: { network: 'bluesky' as const, remoteId: 'at://q', cid: null, sourceAccountId: null },
      },
    ],
  ])('changes with %s', (_label, changed) => {
    expect(computeContentDigest(changed)).not.toBe(digest);
  });

  it('changes with the media order and alt text', () => {
    const m2 = { ...media, id: 'm2' };
    const a = computeContentDigest(post([target('x', 'acct-a', { media: [media, m2] })]));
    expect(computeContentDigest(post([target('x', 'acct-a', { media: [m2, media] })]))).not.toBe(a);
    expect(
      computeContentDigest(post([target('x', 'acct-a', { media: [{ ...media, alt: 'A dog' }, m2] })])),
    ).not.toBe(a);
  });
});
