// The Mastodon Publisher: statuses with the job's Idempotency-Key (the server answers a repeated key with the
// first status for about an hour; after that a lost answer is found by looking at the account's statuses),
// server-held schedules, boosts, and deletes. Uploads are remembered per job, so a retry attaches the files
// already on the server instead of uploading them again.
import { RoostError } from '../../../src-shared/contract/errors.ts';
import type {
  ActionSubject,
  EngagementRead,
  ImageToSend,
  PostToSend,
  PublishedRef,
  Publisher,
  SendKeys,
  SendResult,
  SentPostLookup,
  UploadMemory,
} from '../publisher.ts';
import { htmlToText } from './html-text.ts';
import type { MastodonHttp } from './http.ts';
import type { MediaUploadInput, PublishStatusInput, PublishResult } from './publish.ts';

export interface MastodonPublisherDeps {
  readonly http: MastodonHttp;
  publishStatus(input: PublishStatusInput): Promise<PublishResult>;
  uploadMedia(input: MediaUploadInput): Promise<{ readonly id: string }>;
  readEngagement(statusIds: readonly string[]): Promise<EngagementRead>;
  readonly now: () => number;
  /** How long the server remembers an Idempotency-Key, with a margin. */
  readonly idempotencyTtlMs: number;
}

export function createMastodonPublisher(deps: MastodonPublisherDeps): Publisher {
  const { http } = deps;

  const statusOf = (item: ActionSubject): string => {
    if (!item.actionRef) throw new RoostError('invalid_input', 'This item is not a Mastodon status.');
    return item.actionRef;
  };

  const boost = async (item: ActionSubject, keys: SendKeys, path: 'reblog' | 'unreblog') => {
    const id = statusOf(item);
    const answer = await http.send('POST', `/api/v1/statuses/${encodeURIComponent(id)}/${path}`, {
      action: path === 'reblog' ? 'Boost' : 'Undo boost',
      headers: { 'Idempotency-Key': keys.idempotencyKey },
    });
    const body = (answer.body ?? {}) as { id?: unknown; url?: unknown };
    return {
      remoteId: typeof body.id === 'string' ? body.id : id,
      url: typeof body.url === 'string' ? body.url : null,
    };
  };

  return {
    network: 'mastodon',

    async send(post: PostToSend): Promise<SendResult> {
      const { replyTo, quote } = post;
      const publish = (mediaIds: readonly string[]) =>
        deps.publishStatus({
          text: post.text,
          idempotencyKey: post.keys.idempotencyKey,
          ...(replyTo?.network === 'mastodon' ? { inReplyTo: replyTo.remoteId } : {}),
          ...(quote?.network === 'mastodon' ? { quoteOf: quote.remoteId } : {}),
          ...(post.contentWarning ? { spoilerText: post.contentWarning } : {}),
          ...(post.visibility ? { visibility: post.visibility } : {}),
          ...(post.language ? { language: post.language } : {}),
          ...(mediaIds.length > 0 ? { mediaIds: [...mediaIds] } : {}),
          ...(post.serverScheduleAt ? { scheduledAt: post.serverScheduleAt } : {}),
        });
      const first = await upload(deps, post.images, post.uploads, true);
      let result: PublishResult;
      try {
        result = await publish(first.ids);
      } catch (error) {
        // An upload left unattached for about a day is deleted by the server, which then refuses the status
        // (422). The status was not created, so the same Idempotency-Key is still free: upload afresh once.
        if (!(first.reused && error instanceof RoostError && error.code === 'invalid_input')) throw error;
        post.uploads?.forget();
        result = await publish((await upload(deps, post.images, post.uploads, false)).ids);
      }
      if (result.kind === 'scheduled') return { kind: 'scheduled', serverScheduleId: result.id };
      return { kind: 'published', remoteId: result.id, url: result.url };
    },

    async reconcile(lookup: SentPostLookup): Promise<PublishedRef | null> {
      // Within the key's lifetime, sending again with the same key returns the first status: nothing to look up.
      if (deps.now() - Date.parse(lookup.lastAttemptAt) < deps.idempotencyTtlMs) return null;
      return findOwnStatus(http, lookup);
    },

    repost: (item, keys) => boost(item, keys, 'reblog'),
    // A boost is answered with the boost itself, and a repeated key with the first answer: nothing to find.
    reconcileRepost: () => Promise.resolve(null),
    unrepost: (item, keys) => boost(item, keys, 'unreblog'),

    async deletePost(item: ActionSubject): Promise<PublishedRef> {
      const id = statusOf(item);
      try {
        await http.send('DELETE', `/api/v1/statuses/${encodeURIComponent(id)}`, { action: 'Delete' });
      } catch (error) {
        // Deleted already (by an earlier attempt whose answer was lost, or elsewhere): nothing left to do.
        if (!(error instanceof RoostError && error.code === 'not_found')) throw error;
      }
      return { remoteId: id, url: null };
    },

    scheduling: {
      async reschedule(serverScheduleId, scheduledAt) {
        await http.send('PUT', `/api/v1/scheduled_statuses/${encodeURIComponent(serverScheduleId)}`, {
          action: 'Reschedule post',
          json: { scheduled_at: scheduledAt },
        });
      },
      async unschedule(serverScheduleId) {
        try {
          await http.send('DELETE', `/api/v1/scheduled_statuses/${encodeURIComponent(serverScheduleId)}`, {
            action: 'Cancel scheduled post',
          });
        } catch (error) {
          // Already gone on the server (published or deleted there): nothing left to cancel.
          if (error instanceof RoostError && error.code === 'not_found') return;
          throw error;
        }
      },
    },

    readEngagement: (remoteIds) => deps.readEngagement(remoteIds),
  };
}

/**
 * The server's media ids for the post's images, in order: uploads an earlier attempt recorded for the same
 * file at the same position are reused; every new upload is recorded before the next one starts.
 */
async function upload(
  deps: MastodonPublisherDeps,
  images: readonly ImageToSend[],
  uploads: UploadMemory | null,
  reuse: boolean,
): Promise<{ ids: string[]; reused: boolean }> {
  const known = reuse ? (uploads?.known() ?? []) : [];
  const ids: string[] = [];
  let reused = false;
  for (const [position, image] of images.entries()) {
    const earlier = known.find((k) => k.position === position && k.mediaId === image.mediaId);
    if (earlier) {
      ids.push(earlier.remoteId);
      reused = true;
      continue;
    }
    const uploaded = await deps.uploadMedia({
      data: new Blob([image.data], { type: image.mimeType }),
      fileName: `${image.mediaId}.${image.mimeType.slice('image/'.length)}`,
      ...(image.alt.trim() ? { description: image.alt } : {}),
    });
    uploads?.remember({ position, mediaId: image.mediaId, remoteId: uploaded.id });
    ids.push(uploaded.id);
  }
  return { ids, reused };
}

/** The account's recent statuses, matched by text and time, for a job whose key the server may have forgotten. */
async function findOwnStatus(http: MastodonHttp, lookup: SentPostLookup): Promise<PublishedRef | null> {
  const me = await http.send('GET', '/api/v1/accounts/verify_credentials', { action: 'Reconcile' });
  const id = (me.body as { id?: unknown } | null)?.id;
  if (typeof id !== 'string') return null;
  const page = await http.send('GET', `/api/v1/accounts/${encodeURIComponent(id)}/statuses`, {
    action: 'Reconcile',
    query: { limit: 40 },
  });
  const since = Date.parse(lookup.createdAt);
  const statuses = Array.isArray(page.body) ? (page.body as Record<string, unknown>[]) : [];
  for (const status of statuses) {
    const content = typeof status.content === 'string' ? htmlToText(status.content).text : '';
    const createdAt = typeof status.created_at === 'string' ? Date.parse(status.created_at) : 0;
    if (content.trim() === lookup.text.trim() && createdAt >= since && typeof status.id === 'string') {
      return { remoteId: status.id, url: typeof status.url === 'string' ? status.url : null };
    }
  }
  return null;
}
