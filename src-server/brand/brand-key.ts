// The key that encrypts brand-account credentials, kept outside the team database so a copy of the database
// alone reveals nothing: in the server host's keychain when it has one, otherwise in a 0600 file beside the
// data (with a warning, because anyone who can read the data folder can then read the credentials).
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Keychain } from '../../src-main/vault/keychain.ts';

export const BRAND_KEY_SERVICE = 'app.roost.team-server.brand-key';
export const BRAND_KEY_FILE = 'brand-key';

export interface BrandKey {
  readonly key: Buffer;
  /** Where the key is kept, for the start-up log and docs. */
  readonly location: 'keychain' | 'file';
}

export interface BrandKeyOptions {
  readonly dataDir: string;
  /** The server's id names the keychain entry, so two servers on one host keep separate keys. */
  readonly serverId: string;
  /** The host's keychain; null on a host without one (a headless server). */
  readonly keychain: Keychain | null;
  readonly warn: (message: string) => void;
}

export async function loadBrandKey(options: BrandKeyOptions): Promise<BrandKey> {
  const file = path.join(options.dataDir, BRAND_KEY_FILE);
  // A key already in a file stays there: moving it silently would strand credentials if the keychain went away.
  if (!existsSync(file) && options.keychain) {
    const status = await options.keychain.status();
    if (status.state === 'available') return { key: await keychainKey(options), location: 'keychain' };
    if (status.state === 'locked' || status.state === 'timed_out') {
      // A new key now would make every stored credential unreadable once the keychain is unlocked again.
      throw new Error(
        `The keychain that holds the brand-account key is ${status.state === 'locked' ? 'locked' : 'not answering'}: ` +
          'unlock it and start the server again.',
      );
    }
  }
  options.warn(
    `WARNING: no keychain on this host; brand-account credentials are encrypted with a key in ${file} ` +
      '(mode 0600). Anyone who can read the data folder can read them: protect and back up that folder accordingly.',
  );
  return { key: fileKey(options.dataDir, file), location: 'file' };
}

async function keychainKey(options: BrandKeyOptions): Promise<Buffer> {
  const keychain = options.keychain!;
  const read = await keychain.getPassword(BRAND_KEY_SERVICE, options.serverId);
  if (read.state === 'stored') return decodeKey(read.value, `the keychain entry ${BRAND_KEY_SERVICE}`);
  if (read.state !== 'not_stored') throw new Error(`The keychain could not be read (${read.state}).`);
  const fresh = randomBytes(32).toString('base64');
  const write = await keychain.setPassword(BRAND_KEY_SERVICE, options.serverId, fresh);
  if (write.state !== 'ok')
    throw new Error(`The brand-account key could not be saved in the keychain (${write.state}).`);
  return decodeKey(fresh, 'the new key');
}

function fileKey(dataDir: string, file: string): Buffer {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  try {
    // 'wx': two servers starting at once on one folder must not overwrite each other's key.
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  chmodSync(file, 0o600);
  return decodeKey(readFileSync(file, 'utf8'), file);
}

function decodeKey(text: string, where: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== 32) throw new Error(`${where} is damaged: it must hold 32 random bytes in base64`);
  return key;
}
