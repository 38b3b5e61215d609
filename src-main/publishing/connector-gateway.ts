// The PublishGateway on the account's Publisher: what a job stored turned into what the network is sent, with
// no knowledge of which network it is. The keys fixed at the job's creation go with every attempt; each
// post of a thread carries its own images, read from the media store by id, and uploads an earlier attempt
// left on the server are remembered per job, so a retry can attach them instead of uploading again.
import { RoostError } from '../../src-shared/contract/errors.ts';
import type { ImageToSend, Publisher, UploadMemory } from '../connectors/publisher.ts';
import type { UploadedMediaRepository } from './uploaded-media-repository.ts';
import { jobKeys, reconcileContentAction, sendContentAction } from './action-gateway.ts';
import type { StoredMedia } from './media-store.ts';
import type { StoredJob } from './outbox-job.ts';
import type { PublishGateway, PublishedRef, SendOutcome } from './publish-gateway.ts';

export interface ConnectorGatewayDeps {
  /** The Publisher of the account a job publishes as. */
  readonly publisher: (accountId: string) => Promise<Publisher>;
  /** The bytes of an uploaded image by its id; null when there is no such file. */
  readonly media?: (id: string) => StoredMedia | null;
  /** Uploads made by earlier attempts of a job; without it every attempt uploads again. */
  readonly uploads?: UploadedMediaRepository;
}

export function createConnectorGateway(deps: ConnectorGatewayDeps): PublishGateway {
  /** Every attachment's bytes, or a permanent failure naming the one that is missing. */
  const images = (job: StoredJob): ImageToSend[] =>
    job.payload.target.media.map((media, index) => {
      const file = deps.media?.(media.id) ?? null;
      if (!file) {
        throw new RoostError(
          'not_found',
          `Image ${index + 1} of this post is no longer stored on this computer; attach it again and resend.`,
        );
      }
      return { mediaId: media.id, data: file.data, mimeType: file.mimeType, alt: media.alt };
    });

  const uploadMemory = (jobId: string): UploadMemory | null => {
    const uploads = deps.uploads;
    if (!uploads) return null;
    return {
      known: () => uploads.forJob(jobId),
      remember: (upload) => uploads.remember(jobId, upload),
      forget: () => uploads.forget(jobId),
    };
  };

  /** The account's publisher, refused when it publishes to another network than the job was made for. */
  const publisherFor = async (job: StoredJob): Promise<Publisher> => {
    const publisher = await deps.publisher(job.accountId);
    if (publisher.network !== job.network) {
      throw new RoostError('invalid_input', `This account does not publish to ${job.network}.`);
    }
    return publisher;
  };

  /** Where the network holds the schedule itself; a job scheduled there has a publisher that can. */
  const schedulingFor = async (job: StoredJob) => {
    const scheduling = (await publisherFor(job)).scheduling;
    if (!scheduling) throw new RoostError('internal', `${job.network} holds no scheduled posts.`);
    return scheduling;
  };

  return {
    async send(job, serverScheduleAt): Promise<SendOutcome> {
      if (job.payload.action) return sendContentAction(await publisherFor(job), job, job.payload.action);
      const files = images(job);
      const { replyTo, quote, target } = job.payload;
      return (await publisherFor(job)).send({
        text: job.text,
        keys: jobKeys(job),
        replyTo,
        quote,
        language: target.language ?? null,
        contentWarning: target.contentWarning,
        visibility: target.visibility ?? null,
        images: files,
        serverScheduleAt,
        uploads: uploadMemory(job.id),
      });
    },

    async reconcile(job): Promise<PublishedRef | null> {
      const publisher = await publisherFor(job);
      if (job.payload.action) return reconcileContentAction(publisher, job, job.payload.action);
      return publisher.reconcile({
        keys: jobKeys(job),
        text: job.text,
        createdAt: job.createdAt,
        lastAttemptAt: job.updatedAt,
      });
    },

    async reschedule(job, serverScheduleId, scheduledAt) {
      await (await schedulingFor(job)).reschedule(serverScheduleId, scheduledAt);
    },

    async unschedule(job, serverScheduleId) {
      await (await schedulingFor(job)).unschedule(serverScheduleId);
    },
  };
}
