// The PublishGateway on the real connectors: Bluesky publishes at the job's own record key (and looks it up
// to reconcile), Mastodon posts with the job's Idempotency-Key and manages scheduled statuses. Language goes
// to both (Bluesky `langs`, Mastodon `language`), visibility to Mastodon; a later post of a thread arrives
// with its reply reference set by the engine (Bluesky derives the thread root from the parent's record).
// Each post of a thread carries its own images, read from the media store by id. Mastodon uploads are
// remembered per job, so a retry attaches the files already on the server instead of uploading them again.
import { RoostError } from '../../src-shared/contract/errors.ts';
import type { ComposeMedia, PostRef } from '../../src-shared/compose/post.ts';
import type { BlueskyConnector } from '../connectors/bluesky/bluesky-connector.ts';
import type { MastodonConnector } from '../connectors/mastodon/mastodon-connector.ts';
import { htmlToText } from '../connectors/mastodon/html-text.ts';
import type { UploadedMediaRepository } from './uploaded-media-repository.ts';
import { reconcileContentAction, sendContentAction } from './action-gateway.ts';
import type { StoredMedia } from './media-store.ts';
import type { StoredJob } from './outbox-job.ts';
import type { PublishGateway, PublishedRef, SendOutcome } from './publish-gateway.ts';

export interface ConnectorGatewayDeps {
  readonly bluesky: (accountId: string) => Promise<BlueskyConnector>;
  readonly mastodon: (accountId: string) => Promise<MastodonConnector>;
  /** The bytes of an uploaded image by its id; null when there is no such file. */
  readonly media?: (id: string) => StoredMedia | null;
  /** Mastodon media uploaded by earlier attempts of a job; without it every attempt uploads again. */
  readonly uploads?: UploadedMediaRepository;
  readonly now?: () => number;
  /** Mastodon forgets Idempotency-Keys after about an hour; older jobs are reconciled by looking. */
  readonly idempotencyTtlMs?: number;
}

const BSKY_WEB = 'https://bsky.app';

export function createConnectorGateway(deps: ConnectorGatewayDeps): PublishGateway {
  const now = deps.now ?? Date.now;
  const ttl = deps.idempotencyTtlMs ?? 55 * 60 * 1000;

  /** Every attachment's bytes, or a permanent failure naming the one that is missing. */
  const attachments = (job: StoredJob): { media: ComposeMedia; file: StoredMedia }[] =>
    job.payload.target.media.map((media, index) => {
      const file = deps.media?.(media.id) ?? null;
      if (!file) {
        throw new RoostError(
          'not_found',
          `Image ${index + 1} of this post is no longer stored on this computer; attach it again and resend.`,
        );
      }
      return { media, file };
    });

  const blueskyRef = (ref: PostRef | null): { uri: string; cid: string } | undefined => {
    if (!ref || ref.network !== 'bluesky') return undefined;
    if (!ref.cid) throw new RoostError('invalid_input', 'A Bluesky reply or quote needs the post’s CID.');
    return { uri: ref.remoteId, cid: ref.cid };
  };

  const blueskyUrl = (connector: BlueskyConnector, rkey: string): string =>
    `${BSKY_WEB}/profile/${connector.did}/post/${rkey}`;

  return {
    async send(job, serverScheduleAt): Promise<SendOutcome> {
      if (job.payload.action) return sendContentAction(deps, job, job.payload.action);
      const files = attachments(job);
      if (job.network === 'bluesky') {
        if (!job.rkey) throw new RoostError('internal', 'A Bluesky job has no record key.');
        const connector = await deps.bluesky(job.accountId);
        const replyTo = blueskyRef(job.payload.replyTo);
        const quote = blueskyRef(job.payload.quote);
        const language = job.payload.target.language;
        const published = await connector.publishPost({
          text: job.text,
          rkey: job.rkey,
          ...(replyTo ? { replyTo } : {}),
          ...(quote ? { quote } : {}),
          ...(language ? { langs: [language] } : {}),
          ...(files.length > 0
            ? {
                images: files.map(({ media, file }) => ({
                  data: file.data,
                  mimeType: file.mimeType,
                  alt: media.alt,
                })),
              }
            : {}),
        });
        return {
          kind: 'published',
          remoteId: published.uri,
          cid: published.cid,
          url: blueskyUrl(connector, job.rkey),
        };
      }
      const connector = await deps.mastodon(job.accountId);
      const { replyTo, quote, target } = job.payload;
      const publish = (mediaIds: readonly string[]) =>
        connector.publishStatus({
          text: job.text,
          idempotencyKey: job.idempotencyKey,
          ...(replyTo?.network === 'mastodon' ? { inReplyTo: replyTo.remoteId } : {}),
          ...(quote?.network === 'mastodon' ? { quoteOf: quote.remoteId } : {}),
          ...(target.contentWarning ? { spoilerText: target.contentWarning } : {}),
          ...(target.visibility ? { visibility: target.visibility } : {}),
          ...(target.language ? { language: target.language } : {}),
          ...(mediaIds.length > 0 ? { mediaIds: [...mediaIds] } : {}),
          ...(serverScheduleAt ? { scheduledAt: serverScheduleAt } : {}),
        });
      const first = await uploadMastodon(connector, job.id, files, deps.uploads, true);
      let result: Awaited<ReturnType<typeof publish>>;
      try {
        result = await publish(first.ids);
      } catch (error) {
        // An upload left unattached for about a day is deleted by the server, which then refuses the status
        // (422). The status was not created, so the same Idempotency-Key is still free: upload afresh once.
        if (!(first.reused && error instanceof RoostError && error.code === 'invalid_input')) throw error;
        deps.uploads?.forget(job.id);
        result = await publish((await uploadMastodon(connector, job.id, files, deps.uploads, false)).ids);
      }
      if (result.kind === 'scheduled') return { kind: 'scheduled', serverScheduleId: result.id };
      return { kind: 'published', remoteId: result.id, url: result.url };
    },

    async reconcile(job): Promise<PublishedRef | null> {
      if (job.payload.action) return reconcileContentAction(deps, job, job.payload.action);
      if (job.network === 'bluesky') {
        if (!job.rkey) return null;
        const connector = await deps.bluesky(job.accountId);
        const found = await connector.findPostByRkey(job.rkey);
        return found ? { remoteId: found.uri, cid: found.cid, url: blueskyUrl(connector, job.rkey) } : null;
      }
      // Within the key's lifetime, sending again with the same key returns the first status: nothing to look up.
      if (now() - Date.parse(job.updatedAt) < ttl) return null;
      return findOwnStatus(await deps.mastodon(job.accountId), job);
    },

    async reschedule(job, serverScheduleId, scheduledAt) {
      const connector = await deps.mastodon(job.accountId);
      await connector.http.send('PUT', `/api/v1/scheduled_statuses/${encodeURIComponent(serverScheduleId)}`, {
        action: 'Reschedule post',
        json: { scheduled_at: scheduledAt },
      });
    },

    async unschedule(job, serverScheduleId) {
      const connector = await deps.mastodon(job.accountId);
      try {
        await connector.http.send(
          'DELETE',
          `/api/v1/scheduled_statuses/${encodeURIComponent(serverScheduleId)}`,
          {
            action: 'Cancel scheduled post',
          },
        );
      } catch (error) {
        // Already gone on the server (published or deleted there): nothing left to cancel.
        if (error instanceof RoostError && error.code === 'not_found') return;
        throw error;
      }
    },
  };
}

/**
 * The server's media ids for the job's attachments, in order: uploads an earlier attempt recorded for the
 * same file at the same position are reused; every new upload is recorded before the next one starts.
 */
async function uploadMastodon(
  connector: MastodonConnector,
  jobId: string,
  files: readonly { media: ComposeMedia; file: StoredMedia }[],
  uploads: UploadedMediaRepository | undefined,
  reuse: boolean,
): Promise<{ ids: string[]; reused: boolean }> {
  const known = reuse ? (uploads?.forJob(jobId) ?? []) : [];
  const ids: string[] = [];
  let reused = false;
  for (const [position, { media, file }] of files.entries()) {
    const earlier = known.find((k) => k.position === position && k.mediaId === media.id);
    if (earlier) {
      ids.push(earlier.remoteId);
      reused = true;
      continue;
    }
    const uploaded = await connector.uploadMedia({
      data: new Blob([file.data], { type: file.mimeType }),
      fileName: `${file.id}.${file.mimeType.slice('image/'.length)}`,
      ...(media.alt.trim() ? { description: media.alt } : {}),
    });
    uploads?.remember(jobId, { position, mediaId: media.id, remoteId: uploaded.id });
    ids.push(uploaded.id);
  }
  return { ids, reused };
}

/** The account's recent statuses, matched by text and time, for a job whose key the server may have forgotten. */
async function findOwnStatus(connector: MastodonConnector, job: StoredJob): Promise<PublishedRef | null> {
  const me = await connector.http.send('GET', '/api/v1/accounts/verify_credentials', { action: 'Reconcile' });
  const id = (me.body as { id?: unknown } | null)?.id;
  if (typeof id !== 'string') return null;
  const page = await connector.http.send('GET', `/api/v1/accounts/${encodeURIComponent(id)}/statuses`, {
    action: 'Reconcile',
    query: { limit: 40 },
  });
  const since = Date.parse(job.createdAt);
  const statuses = Array.isArray(page.body) ? (page.body as Record<string, unknown>[]) : [];
  for (const status of statuses) {
    const content = typeof status.content === 'string' ? htmlToText(status.content).text : '';
    const createdAt = typeof status.created_at === 'string' ? Date.parse(status.created_at) : 0;
    if (content.trim() === job.text.trim() && createdAt >= since && typeof status.id === 'string') {
      return { remoteId: status.id, url: typeof status.url === 'string' ? status.url : null };
    }
  }
  return null;
}
