// Images the composer attached, kept on disk by the SHA-256 of their bytes (`media/<hash>.<ext>`), so a
// post's media id names exactly one file and uploading the same image twice stores it once. A file's mtime
// is when it was last stored, which is what pruning measures retention from.
import { createHash, randomUUID } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { RoostError } from '../../src-shared/contract/errors.ts';
import {
  MAX_UPLOAD_BASE64_LENGTH,
  MAX_UPLOAD_BYTES,
  UPLOAD_MIME_TYPES,
  type UploadMimeType,
} from '../../src-shared/contract/media-contract.ts';

export interface MediaUpload {
  readonly mimeType: UploadMimeType;
  readonly dataBase64: string;
  readonly sha256?: string | undefined;
}

export interface StoredMedia {
  readonly id: string;
  readonly mimeType: UploadMimeType;
  readonly data: Uint8Array<ArrayBuffer>;
}

export interface PruneRequest {
  /** Ids that must stay whatever their age (an unfinished outbox job still needs their bytes). */
  readonly keep: ReadonlySet<string>;
  /** Files last stored before this epoch-ms instant are removed unless kept. */
  readonly storedBefore: number;
  /** Temp files a crashed write left behind, older than this epoch-ms instant, are removed. */
  readonly tempBefore: number;
}

export interface PruneResult {
  /** Ids whose file was removed. */
  readonly removed: readonly string[];
  readonly tempsRemoved: number;
  /** Files still in the folder afterwards. */
  readonly remaining: number;
}

export interface MediaStore {
  put(upload: MediaUpload): { id: string };
  /** Null when no file has this id (never stored, or removed since). */
  get(id: string): StoredMedia | null;
  /** Removes what nothing needs any more; never touches files this store did not name. */
  prune(request: PruneRequest): PruneResult;
}

export interface MediaStoreOptions {
  /** Epoch ms used to mark a file as freshly stored; the app passes Date.now. */
  readonly now?: () => number;
}

const EXTENSIONS: Readonly<Record<UploadMimeType, string>> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
};

const ID = /^[0-9a-f]{64}$/;
const STORED_FILE = /^([0-9a-f]{64})\.(jpg|png|webp|gif)$/;
const TEMP_FILE = /^\.[0-9a-f]{64}\.[0-9a-f-]{36}\.tmp$/;

function startsWith(data: Uint8Array, offset: number, bytes: readonly number[]): boolean {
  return bytes.every((b, i) => data[offset + i] === b);
}

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

/** The file's own signature decides what it is: a mislabelled file would be refused by the network later. */
export function matchesMimeType(data: Uint8Array, mimeType: UploadMimeType): boolean {
  switch (mimeType) {
    case 'image/jpeg':
      return startsWith(data, 0, [0xff, 0xd8, 0xff]);
    case 'image/png':
      return startsWith(data, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    case 'image/gif':
      return startsWith(data, 0, ascii('GIF87a')) || startsWith(data, 0, ascii('GIF89a'));
    case 'image/webp':
      return startsWith(data, 0, ascii('RIFF')) && startsWith(data, 8, ascii('WEBP'));
  }
}

export function createMediaStore(dataDir: string, options: MediaStoreOptions = {}): MediaStore {
  const now = options.now ?? Date.now;
  const dir = path.join(dataDir, 'media');
  const fileOf = (id: string, mimeType: UploadMimeType) => path.join(dir, `${id}.${EXTENSIONS[mimeType]}`);

  return {
    put(upload) {
      // The contract bounds the string too; this store is also used without it.
      if (upload.dataBase64.length > MAX_UPLOAD_BASE64_LENGTH) {
        throw new RoostError('invalid_input', `Images are limited to ${MAX_UPLOAD_BYTES} bytes.`);
      }
      const data = Buffer.from(upload.dataBase64, 'base64');
      if (data.byteLength === 0 || data.byteLength > MAX_UPLOAD_BYTES) {
        throw new RoostError('invalid_input', `Images must be 1 to ${MAX_UPLOAD_BYTES} bytes.`);
      }
      if (!matchesMimeType(data, upload.mimeType)) {
        throw new RoostError('invalid_input', `The file is not a ${upload.mimeType} image.`);
      }
      const id = createHash('sha256').update(data).digest('hex');
      if (upload.sha256 !== undefined && upload.sha256 !== id) {
        throw new RoostError('invalid_input', 'The image arrived damaged: its hash does not match.');
      }
      const file = fileOf(id, upload.mimeType);
      if (existsSync(file)) {
        // Stored again (a draft reopened and sent): its retention starts over.
        const seconds = now() / 1000;
        utimesSync(file, seconds, seconds);
      } else {
        mkdirSync(dir, { recursive: true });
        // Written aside then renamed: a crash never leaves a truncated file under the final name.
        const temp = path.join(dir, `.${id}.${randomUUID()}.tmp`);
        writeFileSync(temp, data);
        const seconds = now() / 1000;
        utimesSync(temp, seconds, seconds);
        renameSync(temp, file);
      }
      return { id };
    },

    get(id) {
      if (!ID.test(id)) return null;
      for (const mimeType of UPLOAD_MIME_TYPES) {
        const file = fileOf(id, mimeType);
        if (existsSync(file)) return { id, mimeType, data: new Uint8Array(readFileSync(file)) };
      }
      return null;
    },

    prune(request) {
      let names: string[];
      try {
        names = readdirSync(dir);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT')
          return { removed: [], tempsRemoved: 0, remaining: 0 };
        throw error;
      }
      const removed: string[] = [];
      let tempsRemoved = 0;
      let remaining = 0;
      for (const name of names) {
        const stored = STORED_FILE.exec(name);
        const isTemp = !stored && TEMP_FILE.test(name);
        if (!stored && !isTemp) continue;
        const file = path.join(dir, name);
        const mtimeMs = mtimeOf(file);
        if (mtimeMs === null) continue; // gone meanwhile
        if (isTemp) {
          if (mtimeMs < request.tempBefore) {
            rmSync(file, { force: true });
            tempsRemoved += 1;
          }
          continue;
        }
        const id = stored?.[1] ?? '';
        if (!request.keep.has(id) && mtimeMs < request.storedBefore) {
          rmSync(file, { force: true });
          removed.push(id);
        } else {
          remaining += 1;
        }
      }
      return { removed, tempsRemoved, remaining };
    },
  };
}

function mtimeOf(file: string): number | null {
  try {
    return statSync(file).mtimeMs;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
