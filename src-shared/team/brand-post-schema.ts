// A post or reply the server publishes for a brand account (its own file so the approvals' and the desk's
// contracts can name it without importing the whole team table).
import { z } from '../zod.ts';

const Ulid = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'a ULID');
const Time = z.number().int().nonnegative();
const Version = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** A post or reply the server publishes for a brand account, with its outbox state. */
export const BrandPostSchema = z.object({
  id: Ulid,
  accountId: Ulid,
  memberId: Ulid,
  kind: z.enum(['post', 'reply']),
  text: z.string(),
  state: z.enum([
    'queued',
    'sending',
    'sent',
    'failed',
    'needs_attention',
    'cancelled',
    'overdue',
    'held',
    // Waiting for its approval request, and what became of a request that was not approved.
    'awaiting_approval',
    'rejected',
    'expired',
    'superseded',
  ]),
  remoteId: z.string().nullable(),
  url: z.string().nullable(),
  lastError: z.object({ code: z.string(), message: z.string() }).nullable(),
  createdAt: Time,
  updatedAt: Time,
  version: Version,
  /** The approval request this post waits for (or waited for); absent when it needed none. */
  approvalId: Ulid.nullable().optional(),
});
export type BrandPost = z.infer<typeof BrandPostSchema>;
