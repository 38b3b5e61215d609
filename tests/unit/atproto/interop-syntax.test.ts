// atproto's public interop vectors (tests/fixtures/atproto-interop, from bluesky-social/atproto-interop-tests)
// fed through Roost's own validators: every valid string accepted, every invalid one refused. The vector
// counts are pinned so a fixture that fails to load, or loses lines, fails here instead of passing empty.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isAtprotoDid, isAtprotoHandle } from '../../../src-shared/atproto/identifiers.ts';
import { isLanguageTag } from '../../../src-shared/atproto/language-tag.ts';
import { IsoInstantSchema } from '../../../src-shared/atproto/datetime.ts';
import { OutgoingPostSchema, PostTargetSchema } from '../../../src-shared/compose/post.ts';
import { isRecordKey, isTid } from '../../../src-shared/atproto/tid.ts';
import { parsePostUri } from '../../../src-shared/atproto/post-uri.ts';

const DIR = new URL('../../fixtures/atproto-interop/syntax/', import.meta.url);

/** One vector per line; `#` starts a comment line. Spaces are part of the vector (" john.test" is one). */
function vectors(file: string): string[] {
  return readFileSync(new URL(file, DIR), 'utf8')
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'));
}

function check(validator: (value: string) => boolean, valid: string[], invalid: string[]) {
  const refused = valid.filter((v) => !validator(v));
  const accepted = invalid.filter((v) => validator(v));
  expect(refused, 'valid vectors refused').toEqual([]);
  expect(accepted, 'invalid vectors accepted').toEqual([]);
}

const target = (language: string) => ({
  accountId: 'a1',
  network: 'bluesky',
  text: 'hi',
  contentWarning: null,
  media: [],
  language,
});
const scheduled = (scheduledAt: string) => ({
  targets: [target('en')],
  replyTo: null,
  quote: null,
  scheduledAt,
});

describe('atproto interop syntax vectors', () => {
  it('handles: accounts refuse a server identity that is not a handle (71 valid, 48 invalid)', () => {
    const [valid, invalid] = [vectors('handle_syntax_valid.txt'), vectors('handle_syntax_invalid.txt')];
    expect([valid.length, invalid.length]).toEqual([71, 48]);
    check(isAtprotoHandle, valid, invalid);
  });

  it('DIDs (24 valid, 18 invalid)', () => {
    const [valid, invalid] = [vectors('did_syntax_valid.txt'), vectors('did_syntax_invalid.txt')];
    expect([valid.length, invalid.length]).toEqual([24, 18]);
    check(isAtprotoDid, valid, invalid);
  });

  it('record keys, also as the last part of a post URI (16 valid, 11 invalid)', () => {
    const [valid, invalid] = [vectors('recordkey_syntax_valid.txt'), vectors('recordkey_syntax_invalid.txt')];
    expect([valid.length, invalid.length]).toEqual([16, 11]);
    check(isRecordKey, valid, invalid);
    const inUri = (rkey: string) => parsePostUri(`at://did:plc:abc/app.bsky.feed.post/${rkey}`) !== null;
    check(
      inUri,
      valid,
      invalid.filter((k) => !k.includes('/')),
    );
  });

  it('TIDs, the keys Roost chooses for its own posts (4 valid, 9 invalid)', () => {
    const [valid, invalid] = [vectors('tid_syntax_valid.txt'), vectors('tid_syntax_invalid.txt')];
    expect([valid.length, invalid.length]).toEqual([4, 9]);
    check(isTid, valid, invalid);
  });

  it('language tags, as the composer declares them (18 valid, 7 + 4 invalid)', () => {
    const valid = vectors('language_syntax_valid.txt');
    const invalid = [...vectors('language_syntax_invalid.txt'), ...vectors('language_parse_invalid.txt')];
    expect([valid.length, invalid.length]).toEqual([18, 11]);
    check(isLanguageTag, valid, invalid);
    check((tag) => PostTargetSchema.safeParse(target(tag)).success, valid, invalid);
  });

  it('datetimes, as scheduled posts and reschedules take them (35 valid, 45 + 7 invalid)', () => {
    const valid = vectors('datetime_syntax_valid.txt');
    const invalid = [...vectors('datetime_syntax_invalid.txt'), ...vectors('datetime_parse_invalid.txt')];
    expect([valid.length, invalid.length]).toEqual([35, 52]);
    check((v) => IsoInstantSchema.safeParse(v).success, valid, invalid);
    check((v) => OutgoingPostSchema.safeParse(scheduled(v)).success, valid, invalid);
  });
});
