// Resolves where a Mastodon account streams from: the instance document may name a separate streaming host,
// and the stream authenticates with the account's own token.
import { streamingBaseUrl } from '../connectors/mastodon/instance.ts';
import type { MastodonConnector } from '../connectors/mastodon/mastodon-connector.ts';
import type { StreamTarget } from './streaming-manager.ts';

export interface MastodonStreamingAccess {
  /** The account's connector and token; null for accounts of other networks. */
  mastodonStreaming(
    accountId: string,
  ): Promise<{ readonly connector: MastodonConnector; readonly accessToken: string } | null>;
}

export function mastodonStreamTargets(
  access: MastodonStreamingAccess,
): (accountId: string) => Promise<StreamTarget | null> {
  return async (accountId) => {
    const found = await access.mastodonStreaming(accountId);
    if (found === null) return null;
    const origin = found.connector.http.origin;
    const instance = await found.connector.instance();
    return { baseUrl: streamingBaseUrl(instance, origin), accessToken: found.accessToken, origin };
  };
}
