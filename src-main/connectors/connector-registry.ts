// One connector per account, created lazily from the account registry and the keychain, and reused by
// every column and action of that account. RSS needs no account and shares one connector.
import { RoostError } from '../../src-shared/contract/errors.ts';
import type { Account } from '../../src-shared/domain/account.ts';
import type { ColumnSource } from '../../src-shared/domain/column.ts';
import type { Connector } from './connector.ts';
import { createBlueskyConnector } from './bluesky/bluesky-connector.ts';
import { createRssConnector } from './rss/rss-connector.ts';
import { createMastodonConnector, type MastodonConnector } from './mastodon/mastodon-connector.ts';
import type { CredentialStore } from '../vault/credential-store.ts';

export interface ConnectorRegistryDeps {
  readonly getAccount: (id: string) => Account | null;
  readonly credentials: CredentialStore;
  readonly fetch: typeof globalThis.fetch;
  /** The account's credentials were refused: the UI shows it as needing sign-in. */
  readonly onNeedsSignIn: (accountId: string) => void;
}

export interface ConnectorRegistry {
  /** Synchronous for the poller: the returned connector resolves the real one on first use. */
  forSource(source: ColumnSource): Connector | null;
  forAccount(accountId: string): Promise<Connector>;
  /** Drops a cached connector (account removed or signed in again). */
  forget(accountId: string): void;
  /** For live columns: the account's Mastodon connector and the token its stream authenticates with. */
  mastodonStreaming(
    accountId: string,
  ): Promise<{ readonly connector: MastodonConnector; readonly accessToken: string } | null>;
  /** A streaming connection was refused with the account's token: the same path as a refused sign-in. */
  reportAuthFailure(accountId: string): void;
}

export function createConnectorRegistry(deps: ConnectorRegistryDeps): ConnectorRegistry {
  const cache = new Map<string, Promise<Connector>>();
  const rss = createRssConnector({ fetch: deps.fetch });
  // Streaming needs the token the connector keeps private; kept beside it so a rebuilt connector brings its own.
  const streamingTargets = new WeakMap<
    Connector,
    { readonly connector: MastodonConnector; readonly accessToken: string }
  >();

  const build = async (accountId: string): Promise<Connector> => {
    const account = deps.getAccount(accountId);
    if (!account) throw new RoostError('not_found', 'This column’s account is no longer in Roost.');
    const credential = await deps.credentials.load(accountId);
    if (account.network === 'mastodon' && credential?.kind === 'oauth') {
      const connector = createMastodonConnector({
        accountId,
        origin: account.service,
        accessToken: credential.accessToken,
        fetch: deps.fetch,
      });
      streamingTargets.set(connector, { connector, accessToken: credential.accessToken });
      return connector;
    }
    if (account.network !== 'bluesky' || credential?.kind !== 'app-password' || !credential.session) {
      throw new RoostError('auth_failed', 'No stored session for this account; sign in again.');
    }
    return createBlueskyConnector({
      service: account.service,
      session: { ...credential.session, did: account.remoteId, handle: account.handle },
      fetch: deps.fetch,
      onSessionUpdateError: () =>
        console.error(
          `[roost] could not store refreshed tokens for account ${accountId}; it will ask to sign in again.`,
        ),
      onSessionUpdate: async (session) => {
        await deps.credentials.save(accountId, {
          ...credential,
          session: { accessJwt: session.accessJwt, refreshJwt: session.refreshJwt },
        });
      },
    });
  };

  const forAccount = (accountId: string): Promise<Connector> => {
    let pending = cache.get(accountId);
    if (!pending) {
      pending = build(accountId).catch((error: unknown) => {
        cache.delete(accountId);
        if (error instanceof RoostError && error.code === 'auth_failed') deps.onNeedsSignIn(accountId);
        throw error;
      });
      cache.set(accountId, pending);
    }
    return pending;
  };

  return {
    forSource(source) {
      if (source.type === 'rss') return rss;
      if (!source.accountId) return null;
      const account = deps.getAccount(source.accountId);
      if (!account) return null;
      return lazyConnector(account.network, () => forAccount(account.id));
    },
    forAccount,
    forget: (accountId) => void cache.delete(accountId),
    async mastodonStreaming(accountId) {
      return streamingTargets.get(await forAccount(accountId)) ?? null;
    },
    reportAuthFailure(accountId) {
      cache.delete(accountId);
      deps.onNeedsSignIn(accountId);
    },
  };
}

function lazyConnector(network: Account['network'], resolve: () => Promise<Connector>): Connector {
  return {
    network,
    capabilities: async () => (await resolve()).capabilities(),
    fetchPage: async (request) => (await resolve()).fetchPage(request),
    thread: async (item) => (await resolve()).thread(item),
    act: async (action) => (await resolve()).act(action),
  };
}
