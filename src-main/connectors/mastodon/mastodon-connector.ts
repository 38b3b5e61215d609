// The Mastodon Connector: one instance per signed-in account. Capabilities come from the server's
// /api/v2/instance (cached per connector), reads go through fetchMastodonPage, actions through the REST API.
import { randomUUID } from 'node:crypto';
import { RoostError } from '../../../src-shared/contract/errors.ts';
import type { Capabilities } from '../../../src-shared/domain/capabilities.ts';
import type { StreamItem } from '../../../src-shared/domain/stream-item.ts';
import type { ActionResult, Connector, ItemAction, PageRequest } from '../connector.ts';
import { readStatusEngagement } from './engagement.ts';
import type { AudienceCounts, EngagementRead } from '../connector.ts';
import { readMastodonAudience } from './audience.ts';
import { ContextSchema, StatusSchema, type MastodonInstance } from './entities.ts';
import { MastodonHttp } from './http.ts';
import { capabilitiesFromInstance, fetchInstance } from './instance.ts';
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
}

export class MastodonConnector implements Connector {
  readonly network = 'mastodon' as const;
  readonly accountId: string;
  readonly http: MastodonHttp;
  readonly #now: () => number;
  readonly #sleep: (ms: number) => Promise<void>;
  #instance: Promise<MastodonInstance> | null = null;

  constructor(options: MastodonConnectorOptions) {
    this.accountId = options.accountId;
    this.#now = options.now ?? Date.now;
    this.#sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.http = new MastodonHttp({
      origin: options.origin,
      accessToken: options.accessToken,
      fetch: options.fetch,
      now: this.#now,
    });
  }

  /** The instance document, fetched once; a failure is not cached so the next call retries. */
  instance(): Promise<MastodonInstance> {
    if (!this.#instance) {
      this.#instance = fetchInstance(this.http).catch((error: unknown) => {
        this.#instance = null;
        throw error;
      });
    }
    return this.#instance;
  }

  async capabilities(): Promise<Capabilities> {
    return capabilitiesFromInstance(await this.instance());
  }

  fetchPage(request: PageRequest): Promise<MastodonPage> {
    return fetchMastodonPage(this.http, request, this.#context());
  }

  /** The conversation around `item`, oldest first: ancestors, the status itself, then replies. */
  async thread(item: StreamItem): Promise<readonly StreamItem[]> {
    const id = this.#statusId(item);
    const ctx = this.#context();
    const [context, self] = await Promise.all([
      this.http.request('GET', `/api/v1/statuses/${encodeURIComponent(id)}/context`, ContextSchema, {
        action: 'Thread',
      }),
      this.http.request('GET', `/api/v1/statuses/${encodeURIComponent(id)}`, StatusSchema, {
        action: 'Thread',
      }),
    ]);
    return [
      ...context.body.ancestors.map((status) => normaliseStatus(status, ctx)),
      normaliseStatus(self.body, ctx),
      ...context.body.descendants.map((status) => normaliseStatus(status, ctx)),
    ];
  }

  async act(action: ItemAction): Promise<ActionResult> {
    const id = encodeURIComponent(this.#statusId(action.item));
    const simple = async (path: string, label: string): Promise<ActionResult> => {
      const { body } = await this.http.request('POST', `/api/v1/statuses/${id}/${path}`, StatusSchema, {
        action: label,
      });
      return { remoteId: body.id };
    };
    switch (action.kind) {
      case 'like':
        return simple('favourite', 'Like');
      case 'unlike':
        return simple('unfavourite', 'Undo like');
      case 'repost':
        // The answer is the boost itself; its id is what a later unreblog of the boost would need.
        return simple('reblog', 'Boost');
      case 'unrepost':
        return simple('unreblog', 'Undo boost');
      case 'delete': {
        const { body } = await this.http.request('DELETE', `/api/v1/statuses/${id}`, StatusSchema, {
          action: 'Delete',
        });
        return { remoteId: body.id };
      }
      case 'reply':
      case 'quote': {
        const result = await this.publishStatus({
          text: action.text,
          // One-click actions have no draft to carry a key; the outbox uses publishStatus with its own.
          idempotencyKey: randomUUID(),
          ...(action.kind === 'reply'
            ? { inReplyTo: this.#statusId(action.item) }
            : { quoteOf: this.#statusId(action.item) }),
        });
        return { remoteId: result.id };
      }
    }
  }

  /** Favourites + boosts + replies of this account's statuses; deleted ones (404) are reported absent. */
  readEngagement(statusIds: readonly string[], signal?: AbortSignal): Promise<EngagementRead> {
    return readStatusEngagement(this.http, statusIds, signal);
  }

  /** Followers, following and statuses of the signed-in account (one verify_credentials request). */
  readAudience(): Promise<AudienceCounts> {
    return readMastodonAudience(this.http);
  }

  publishStatus(input: PublishStatusInput, signal?: AbortSignal): Promise<PublishResult> {
    return publishStatus(this.http, input, this.#context(), signal);
  }

  uploadMedia(input: MediaUploadInput, poll: Partial<MediaPollOptions> = {}): ReturnType<typeof uploadMedia> {
    return uploadMedia(this.http, input, { sleep: this.#sleep, ...poll });
  }

  #statusId(item: StreamItem): string {
    if (item.network !== 'mastodon' || !item.actionRef) {
      throw new RoostError('invalid_input', 'This item is not a Mastodon status.');
    }
    if (item.accountId !== this.accountId) {
      // Status ids are local to each instance: an id seen through another account means nothing here.
      throw new RoostError(
        'invalid_input',
        'This item was fetched by another account; act on it from that account.',
      );
    }
    return item.actionRef;
  }

  #context(): NormaliseContext {
    return {
      accountId: this.accountId,
      origin: this.http.origin,
      seenAt: new Date(this.#now()).toISOString(),
    };
  }
}
