// Starts the Mastodon replay server (documented example responses, not a real Mastodon) and a connector
// pointed at it, one pair per test file.
import { afterAll, beforeAll } from 'vitest';
import type { ColumnSource, ColumnType } from '../../../../src-shared/domain/column.ts';
import {
  createMastodonConnector,
  type MastodonConnector,
} from '../../../../src-main/connectors/mastodon/mastodon-connector.ts';
import { MastodonReplayServer, type ReplayOptions } from '../../../support/mastodon-replay/server.ts';

export interface Harness {
  server: MastodonReplayServer;
  connector: MastodonConnector;
}

export function useReplay(options: ReplayOptions = {}): Harness {
  const harness = {} as Harness;
  beforeAll(async () => {
    harness.server = await MastodonReplayServer.start(options);
    harness.connector = connectorFor(harness.server);
  });
  afterAll(async () => {
    await harness.server.close();
  });
  return harness;
}

export function connectorFor(server: MastodonReplayServer, accessToken = server.token): MastodonConnector {
  return createMastodonConnector({
    accountId: 'acc-1',
    origin: server.origin,
    accessToken,
    sleep: () => Promise.resolve(),
  });
}

export function source(type: ColumnType, param: string | null = null): ColumnSource {
  return { type, accountId: 'acc-1', param };
}
