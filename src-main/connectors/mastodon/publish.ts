// Posting to Mastodon: statuses (always with the caller's Idempotency-Key, so a retry after a crash or a
// lost answer never posts twice), server-side scheduling, and media upload with polling until processed.
import { RoostError } from '../../../src-shared/contract/errors.ts';
import type { StreamItem } from '../../../src-shared/domain/stream-item.ts';
import {
  MediaAttachmentSchema,
  ScheduledStatusSchema,
  StatusSchema,
  type MastodonMediaAttachment,
  type MastodonScheduledStatus,
} from './entities.ts';
import { malformed } from './errors.ts';
import { validate, type MastodonHttp } from './http.ts';
import { normaliseStatus, type NormaliseContext } from './normalise.ts';

export type Visibility = 'public' | 'unlisted' | 'private' | 'direct';

export interface PublishStatusInput {
  readonly text: string;
  /** Chosen once per draft by the outbox and reused on every retry; Mastodon keeps keys for an hour. */
  readonly idempotencyKey: string;
  /** Instance-local id of the status replied to. */
  readonly inReplyTo?: string;
  readonly visibility?: Visibility;
  readonly spoilerText?: string;
  readonly language?: string;
  /** ISO 8601; Mastodon accepts it only when at least 5 minutes ahead. */
  readonly scheduledAt?: string;
  readonly mediaIds?: readonly string[];
  readonly sensitive?: boolean;
  readonly quoteOf?: string;
}

export type PublishResult =
  | {
      readonly kind: 'published';
      readonly id: string;
      readonly uri: string;
      readonly url: string | null;
      readonly item: StreamItem;
    }
  | {
      readonly kind: 'scheduled';
      readonly id: string;
      readonly scheduledAt: string;
      readonly scheduled: MastodonScheduledStatus;
    };

export async function publishStatus(
  http: MastodonHttp,
  input: PublishStatusInput,
  ctx: NormaliseContext,
  signal?: AbortSignal,
): Promise<PublishResult> {
  const key = input.idempotencyKey.trim();
  if (!key || key.length > 256)
    throw new RoostError('invalid_input', 'Publishing needs an idempotency key of 1–256 characters.');
  const body: Record<string, unknown> = { status: input.text };
  if (input.inReplyTo) body.in_reply_to_id = input.inReplyTo;
  if (input.visibility) body.visibility = input.visibility;
  if (input.spoilerText) body.spoiler_text = input.spoilerText;
  if (input.language) body.language = input.language;
  if (input.scheduledAt) body.scheduled_at = input.scheduledAt;
  if (input.mediaIds?.length) body.media_ids = [...input.mediaIds];
  if (input.sensitive !== undefined) body.sensitive = input.sensitive;
  if (input.quoteOf) body.quoted_status_id = input.quoteOf;

  const action = input.scheduledAt ? 'Schedule post' : 'Publish';
  const { body: answer } = await http.send('POST', '/api/v1/statuses', {
    action,
    json: body,
    headers: { 'idempotency-key': key },
    signal,
  });
  if (typeof answer === 'object' && answer !== null && 'scheduled_at' in answer && 'params' in answer) {
    const scheduled = validate(ScheduledStatusSchema, answer, action);
    return { kind: 'scheduled', id: scheduled.id, scheduledAt: scheduled.scheduled_at, scheduled };
  }
  const status = validate(StatusSchema, answer, action);
  if (input.scheduledAt) throw malformed(action, 'a published status instead of a scheduled one');
  return {
    kind: 'published',
    id: status.id,
    uri: status.uri,
    url: status.url ?? null,
    item: normaliseStatus(status, ctx),
  };
}

export interface MediaUploadInput {
  readonly data: Blob;
  readonly fileName: string;
  readonly description?: string;
  /** Focal point, each in -1..1. */
  readonly focus?: { readonly x: number; readonly y: number };
}

export interface MediaPollOptions {
  readonly sleep: (ms: number) => Promise<void>;
  readonly intervalMs?: number;
  readonly maxPolls?: number;
  readonly signal?: AbortSignal;
}

/** POST /api/v2/media; on 202 polls GET /api/v1/media/:id until the server has processed the file. */
export async function uploadMedia(
  http: MastodonHttp,
  input: MediaUploadInput,
  poll: MediaPollOptions,
): Promise<MastodonMediaAttachment> {
  const form = new FormData();
  form.set('file', input.data, input.fileName);
  if (input.description) form.set('description', input.description);
  if (input.focus) form.set('focus', `${input.focus.x},${input.focus.y}`);
  const created = await http.request('POST', '/api/v2/media', MediaAttachmentSchema, {
    action: 'Upload media',
    form,
    signal: poll.signal,
  });
  if (created.status === 200 && created.body.url) return created.body;

  const maxPolls = poll.maxPolls ?? 60;
  const interval = poll.intervalMs ?? 1_000;
  for (let attempt = 0; attempt < maxPolls; attempt += 1) {
    await poll.sleep(Math.min(interval * 2 ** Math.min(attempt, 3), interval * 8));
    if (poll.signal?.aborted) throw new RoostError('network_unreachable', 'Upload media: cancelled.');
    const result = await http.send('GET', `/api/v1/media/${encodeURIComponent(created.body.id)}`, {
      action: 'Media processing',
      signal: poll.signal,
    });
    // 206 means "still processing"; its body, if any, is not needed.
    if (result.status === 206) continue;
    const media = validate(MediaAttachmentSchema, result.body, 'Media processing');
    if (media.url) return media;
  }
  throw new RoostError(
    'server_error',
    'Media processing: the server did not finish processing the file in time.',
  );
}
