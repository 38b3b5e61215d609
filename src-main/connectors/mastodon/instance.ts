// Reads an instance's limits from GET /api/v2/instance and turns them into Capabilities. Limits differ per
// server (500 characters is only the default), so nothing here is hard-coded.
import type { Capabilities } from '../../../src-shared/domain/capabilities.ts';
import { InstanceV2Schema, type MastodonInstance } from './entities.ts';
import type { MastodonHttp } from './http.ts';
import { chooseStreamingBase } from './streaming-host.ts';

/** Mastodon API version from which `quoted_status_id` is accepted when posting. */
const QUOTES_API_VERSION = 7;

export async function fetchInstance(http: MastodonHttp, signal?: AbortSignal): Promise<MastodonInstance> {
  const result = await http.request('GET', '/api/v2/instance', InstanceV2Schema, {
    action: 'Server information',
    signal,
  });
  return result.body;
}

export function capabilitiesFromInstance(instance: MastodonInstance): Capabilities {
  const { statuses, media_attachments: media } = instance.configuration;
  const quotes = (instance.api_versions?.mastodon ?? 0) >= QUOTES_API_VERSION;
  return {
    columnTypes: [
      'home',
      'mentions',
      'notifications',
      'hashtag',
      'list',
      'local',
      'federated',
      'search',
      'conversations',
      'author',
    ],
    actions: quotes
      ? ['like', 'repost', 'reply', 'quote', 'delete', 'thread']
      : ['like', 'repost', 'reply', 'delete', 'thread'],
    search: true,
    directMessages: true,
    streaming: true,
    serverSideScheduling: true,
    limits: {
      maxChars: statuses.max_characters,
      urlWeight: statuses.characters_reserved_per_url,
      countsGraphemes: true,
      maxMedia: statuses.max_media_attachments,
      maxImageBytes: media.image_size_limit,
    },
  };
}

/**
 * Where to open the WebSocket: the instance may name a separate streaming host, which gets the token only
 * under the instance's own domain, and only over wss for an https instance (see streaming-host.ts).
 */
export function streamingBaseUrl(instance: MastodonInstance, origin: string): string {
  return chooseStreamingBase(origin, instance.configuration.urls?.streaming ?? undefined);
}
