// The media part of the contract: the composer hands main an image's bytes once, main keeps them
// content-addressed and answers the id that posts then carry; the outbox reads the bytes back by that id.
import { z } from '../zod.ts';

export const UPLOAD_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'] as const;
export type UploadMimeType = (typeof UPLOAD_MIME_TYPES)[number];

/** Largest file main accepts, decoded. */
export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;
/** Base64 of MAX_UPLOAD_BYTES, padding included: the string is bounded before anything is decoded. */
export const MAX_UPLOAD_BASE64_LENGTH = Math.ceil(MAX_UPLOAD_BYTES / 3) * 4;

/** Bytes a padded base64 string decodes to. */
export function base64DecodedLength(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return (base64.length / 4) * 3 - padding;
}

/** Lower-case hex SHA-256: the id of stored media. */
export const MediaIdSchema = z.string().regex(/^[0-9a-f]{64}$/);

export const mediaRequests = {
  'media:upload': {
    input: z
      .object({
        mimeType: z.enum(UPLOAD_MIME_TYPES),
        dataBase64: z
          .string()
          .min(4)
          .max(MAX_UPLOAD_BASE64_LENGTH)
          .regex(/^[A-Za-z0-9+/]*={0,2}$/)
          .refine((s) => s.length % 4 === 0, 'Base64 must be padded.')
          .refine((s) => base64DecodedLength(s) <= MAX_UPLOAD_BYTES, 'The image is too large.'),
        /** When given, main refuses the upload unless the bytes hash to it. */
        sha256: MediaIdSchema.optional(),
      })
      .strict(),
    output: z.object({ id: MediaIdSchema }),
  },
} as const;
