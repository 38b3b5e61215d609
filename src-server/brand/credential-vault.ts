// Brand-account credentials at rest: AES-256-GCM with a fresh 96-bit nonce per write, and the account id as
// associated data, so an envelope copied onto another account's row does not decrypt.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { z } from '../../src-shared/zod.ts';

export const BrandCredentialSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('bluesky'),
    appPassword: z.string(),
    /** The last session tokens, reused across restarts (logins are rate-limited). */
    session: z.object({ accessJwt: z.string(), refreshJwt: z.string() }).nullable(),
  }),
  z.object({ kind: z.literal('mastodon'), accessToken: z.string() }),
]);
export type BrandCredential = z.infer<typeof BrandCredentialSchema>;

const EnvelopeSchema = z.object({
  v: z.literal(1),
  iv: z.string(),
  tag: z.string(),
  data: z.string(),
});

export interface CredentialVault {
  seal(accountId: string, credential: BrandCredential): string;
  /** Throws when the envelope was altered, moved to another account or sealed with another key. */
  open(accountId: string, sealed: string): BrandCredential;
}

export function createCredentialVault(key: Buffer): CredentialVault {
  if (key.length !== 32) throw new Error('the brand-account key must be 32 bytes');
  return {
    seal(accountId, credential) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(accountId, 'utf8'));
      const data = Buffer.concat([cipher.update(JSON.stringify(credential), 'utf8'), cipher.final()]);
      return JSON.stringify({
        v: 1,
        iv: iv.toString('base64'),
        tag: cipher.getAuthTag().toString('base64'),
        data: data.toString('base64'),
      });
    },
    open(accountId, sealed) {
      const envelope = EnvelopeSchema.parse(JSON.parse(sealed));
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(envelope.iv, 'base64'));
      decipher.setAAD(Buffer.from(accountId, 'utf8'));
      decipher.setAuthTag(Buffer.from(envelope.tag, 'base64'));
      const plain = Buffer.concat([decipher.update(Buffer.from(envelope.data, 'base64')), decipher.final()]);
      return BrandCredentialSchema.parse(JSON.parse(plain.toString('utf8')));
    },
  };
}
