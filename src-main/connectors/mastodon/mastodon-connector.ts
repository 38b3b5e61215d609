// The Mastodon Connector: one per signed-in account. Capabilities come from the server's /api/v2/instance
// (fetched once per connector), reads go through fetchMastodonPage, likes through the REST API, and
// everything the outbox publishes through its Publisher (mastodon-publisher.ts).
import { RoostError } from '../../../src-shared/contract/errors.ts';
import type { Capabilities } from '../../../src-shared/domain/capabilities.ts';
import type { StreamItem } from '../../../src-shared/domain/stream-item.ts';
import type { ActionResult, AudienceCounts, Connector, ItemAction, PageRequest } from '../connector.ts';
import type { EngagementRead, Publisher } from '../publisher.ts';
import { readMastodonAudience, readMastodonProfileTexts } from './audience.ts';
import { readStatusEngagement } from './engagement.ts';
import { ContextSchema, StatusSchema, type MastodonInstance } from './entities.ts';
import { MastodonHttp } from './http.ts';
import { capabilitiesFromInstance, fetchInstance } from './instance.ts';
import { createMastodonPublisher } from './mastodon-publisher.ts';
import { normaliseStatus, type NormaliseContext } from './normalise.ts';
import {
  publishStatus,
  uploadMedia,
  type MediaPollOptions,
  type MediaUploadInput,
  type PublishStatusInput,
  type PublishResult,
} from './publish.ts';
import { fetchMastodonPage, type MastodonPage } from './timelines.ts';

export interface MastodonConnectorOptions {
  /** The Roost account id this connector acts for. */
  readonly accountId: string;
  readonly origin: string;
  readonly accessToken: string;
  readonly fetch?: typeof globalThis.fetch;
  readonly now?: () => number;
  /** Used by media polling; tests pass a fast one. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Mastodon forgets Idempotency-Keys after about an hour; older jobs are reconciled by looking. */
  readonly idempotencyTtlMs?: number;
}

export interface MastodonConnector extends Connector {
  readonly network: 'mastodon';
  readonly accountId: string;
  readonly http: MastodonHttp;
  readonly publisher: Publisher;
  /** The instance document, fetched once; a failure is not cached so the next call retries. */
  instance(): Promise<MastodonInstance>;
  fetchPage(request: PageRequest): Promise<MastodonPage>;
  /** Favourites + boosts + replies of this account's statuses; deleted ones (404) are reported absent. */
  readEngagement(statusIds: readonly string[], signal?: AbortSignal): Promise<EngagementRead>;
  /** Followers, following and statuses of the signed-in account (one verify_credentials request). */
  readAudience(): Promise<AudienceCounts>;
  /** Note, profile URL and field values of the signed-in account, for organisation-domain suggestions. */
  readProfileTexts(): Promise<string[]>;
  publishStatus(input: PublishStatusInput, signal?: AbortSignal): Promise<PublishResult>;
  uploadMedia(input: MediaUploadInput, poll?: Partial<MediaPollOptions>): ReturnType<typeof uploadMedia>;
}

export function createMastodonConnector(options: MastodonConnectorOptions): MastodonConnector {
  const { accountId } = options;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const http = new MastodonHttp({
    origin: options.origin,
    accessToken: options.accessToken,
    fetch: options.fetch,
    now,
  });
  let instance: Promise<MastodonInstance> | null = null;
  const getInstance = (): Promise<MastodonInstance> => {
    if (!instance) {
      instance = fetchInstance(http).catch((error: unknown) => {
        instance = null;
        throw error;
      });
    }
    return instance;
  };

  const context = (): NormaliseContext => ({
    accountId,
    origin: http.origin,
    seenAt: new Date(now()).toISOString(),
  });

  const statusId = (item: StreamItem): string => {
    if (item.network !== 'mastodon' || !item.actionRef) {
      throw new RoostError('invalid_input', 'This item is not a Mastodon status.');
    }
    if (item.accountId !== accountId) {
      // Status ids are local to each instance: an id seen through another account means nothing here.
      throw new RoostError(
        'invalid_input',
        'This item was fetched by another account; act on it from that account.',
      );
    }
    return item.actionRef;
  };

  const readEngagement = (statusIds: readonly string[], signal?: AbortSignal): Promise<EngagementRead> =>
    readStatusEngagement(http, statusIds, signal);
  const publish = (input: PublishStatusInput, signal?: AbortSignal): Promise<PublishResult> =>
    publishStatus(http, input, context(), signal);
  const upload = (
    input: MediaUploadInput,
    poll: Partial<MediaPollOptions> = {},
  ): ReturnType<typeof uploadMedia> => uploadMedia(http, input, { sleep, ...poll });

  return {
    network: 'mastodon',
    accountId,
    http,
    instance: getInstance,
    capabilities: async (): Promise<Capabilities> => capabilitiesFromInstance(await getInstance()),
    fetchPage: (request: PageRequest): Promise<MastodonPage> => fetchMastodonPage(http, request, context()),
    /** The conversation around `item`, oldest first: ancestors, the status itself, then replies. */
    async thread(item: StreamItem): Promise<readonly StreamItem[]> {
      const id = encodeURIComponent(statusId(item));
      const ctx = context();
      const [conversation, self] = await Promise.all([
        http.request('GET', `/api/v1/statuses/${id}/context`, ContextSchema, { action: 'Thread' }),
        http.request('GET', `/api/v1/statuses/${id}`, StatusSchema, { action: 'Thread' }),
      ]);
      return [
        ...conversation.body.ancestors.map((status) => normaliseStatus(status, ctx)),
        normaliseStatus(self.body, ctx),
        ...conversation.body.descendants.map((status) => normaliseStatus(status, ctx)),
      ];
    },
    async act(action: ItemAction): Promise<ActionResult> {
      const id = encodeURIComponent(statusId(action.item));
      const [path, label] = action.kind === 'like' ? ['favourite', 'Like'] : ['unfavourite', 'Undo like'];
      const { body } = await http.request('POST', `/api/v1/statuses/${id}/${path}`, StatusSchema, {
        action: label,
      });
      return { remoteId: body.id };
    },
    publisher: createMastodonPublisher({
      http,
      publishStatus: publish,
      uploadMedia: (input) => upload(input),
      readEngagement: (ids) => readEngagement(ids),
      now,
      idempotencyTtlMs: options.idempotencyTtlMs ?? 55 * 60 * 1000,
    }),
    readEngagement,
    readAudience: () => readMastodonAudience(http),
    readProfileTexts: () => readMastodonProfileTexts(http),
    publishStatus: publish,
    uploadMedia: upload,
  };
}
