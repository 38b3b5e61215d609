// The media store on a real temporary folder: files are kept under the SHA-256 of their bytes, the
// signature must match the declared type, and the size is bounded before and after decoding.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RoostError } from '../../../src-shared/contract/errors.ts';
import { MAX_UPLOAD_BYTES, mediaRequests } from '../../../src-shared/contract/media-contract.ts';
import { createMediaStore } from '../../../src-main/publishing/media-store.ts';

const PNG = readFileSync(join(import.meta.dirname, '../../../resources/tray.png'));
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]);
const GIF = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([26, 0, 0, 0]), Buffer.from('WEBPVP8L')]);

const sha = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');
const b64 = (data: Uint8Array) => Buffer.from(data).toString('base64');

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});
const freshStore = () => createMediaStore((dir = mkdtempSync(join(tmpdir(), 'roost-media-'))));

function refusal(work: () => unknown): RoostError {
  try {
    work();
  } catch (error) {
    if (error instanceof RoostError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('media store', () => {
  it('keeps a file under the hash of its bytes and gives the same bytes back', () => {
    const store = freshStore();
    const { id } = store.put({ mimeType: 'image/png', dataBase64: b64(PNG) });
    expect(id).toBe(sha(PNG));
    expect(readdirSync(join(dir!, 'media'))).toEqual([`${id}.png`]);
    const read = store.get(id);
    expect(read?.mimeType).toBe('image/png');
    expect(Buffer.from(read!.data).equals(PNG)).toBe(true);
  });

  it('stores the same image once however often it is uploaded', () => {
    const store = freshStore();
    const first = store.put({ mimeType: 'image/png', dataBase64: b64(PNG) });
    const second = store.put({ mimeType: 'image/png', dataBase64: b64(PNG), sha256: sha(PNG) });
    expect(second).toEqual(first);
    expect(readdirSync(join(dir!, 'media'))).toHaveLength(1);
  });

  it('accepts each supported type whose signature matches', () => {
    const store = freshStore();
    for (const [mimeType, data] of [
      ['image/jpeg', JPEG],
      ['image/gif', GIF],
      ['image/webp', WEBP],
    ] as const) {
      const { id } = store.put({ mimeType, dataBase64: b64(data) });
      expect(store.get(id)?.mimeType).toBe(mimeType);
    }
  });

  it('refuses bytes whose signature is not the declared type', () => {
    const store = freshStore();
    for (const [mimeType, data] of [
      ['image/jpeg', PNG],
      ['image/png', JPEG],
      ['image/gif', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')],
      ['image/webp', Buffer.concat([Buffer.from('RIFF'), Buffer.from([4, 0, 0, 0]), Buffer.from('WAVE')])],
    ] as const) {
      expect(refusal(() => store.put({ mimeType, dataBase64: b64(data) })).code).toBe('invalid_input');
    }
    expect(readdirSync(dir!)).not.toContain('media');
  });

  it('refuses a hash that does not match the bytes', () => {
    const store = freshStore();
    const error = refusal(() =>
      store.put({ mimeType: 'image/png', dataBase64: b64(PNG), sha256: sha(JPEG) }),
    );
    expect(error.code).toBe('invalid_input');
    expect(store.get(sha(PNG))).toBeNull();
  });

  it('bounds the size: the largest allowed file is kept, one byte more is refused', () => {
    const store = freshStore();
    const largest = Buffer.alloc(MAX_UPLOAD_BYTES, 7);
    PNG.copy(largest, 0, 0, 8);
    const input = { mimeType: 'image/png' as const, dataBase64: b64(largest) };
    expect(mediaRequests['media:upload'].input.safeParse(input).success).toBe(true);
    expect(store.put(input).id).toBe(sha(largest));

    const tooBig = Buffer.concat([largest, Buffer.from([7])]);
    const over = { mimeType: 'image/png' as const, dataBase64: b64(tooBig) };
    // The contract refuses the string before main decodes anything; the store refuses it on its own too.
    expect(mediaRequests['media:upload'].input.safeParse(over).success).toBe(false);
    expect(refusal(() => store.put(over)).code).toBe('invalid_input');
  });

  it('answers null for an unknown or malformed id, never a path outside the store', () => {
    const store = freshStore();
    expect(store.get(sha(PNG))).toBeNull();
    expect(store.get('../roost-main')).toBeNull();
    expect(store.get('0'.repeat(63))).toBeNull();
  });
});
