// The brand accounts' connectors, built from the credentials the server holds: main's Electron-free Bluesky
// and Mastodon connectors, one per account, reused by the poller and the outbox. Bluesky sessions are kept
// (sealed) after every refresh, so a restart resumes the session instead of logging in again. The connector
// modules (and @atproto/api behind them) are loaded on first use: a server with no brand account starts
// without them, which keeps restarts fast.
import { RoostError } from '../../src-shared/contract/errors.ts';
import type { BlueskyConnector } from '../../src-main/connectors/bluesky/bluesky-connector.ts';
import type { MastodonConnector } from '../../src-main/connectors/mastodon/mastodon-connector.ts';
import type { SqlEngine } from '../storage/sql-engine.ts';
import type { BrandCredential, CredentialVault } from './credential-vault.ts';

export interface BrandConnectors {
  bluesky(accountId: string): Promise<BlueskyConnector>;
  mastodon(accountId: string): Promise<MastodonConnector>;
  /** The account's connector, whichever its network (the outbox publishes through its `publisher`). */
  any(accountId: string): Promise<BlueskyConnector | MastodonConnector>;
  /** Drops a cached connector (account removed). */
  forget(accountId: string): void;
}

interface StoredAccount {
  readonly network: string;
  readonly service: string;
  readonly handle: string;
  readonly remoteId: string;
  readonly credential: BrandCredential;
}

export function createBrandConnectors(deps: {
  readonly engine: SqlEngine;
  readonly vault: CredentialVault;
  readonly fetch?: typeof globalThis.fetch;
  readonly onError?: (message: string) => void;
}): BrandConnectors {
  const cache = new Map<string, Promise<BlueskyConnector | MastodonConnector>>();

  const load = async (accountId: string): Promise<StoredAccount> => {
    const row = await deps.engine.get(
      'SELECT network, service, handle, remote_id, credential FROM brand_accounts WHERE id = ? AND removed_at IS NULL',
      [accountId],
    );
    if (!row) throw new RoostError('not_found', 'This brand account was removed from the team.');
    return {
      network: String(row['network']),
      service: String(row['service']),
      handle: String(row['handle']),
      remoteId: String(row['remote_id']),
      credential: deps.vault.open(accountId, String(row['credential'])),
    };
  };

  const saveCredential = (accountId: string, credential: BrandCredential): Promise<number> =>
    deps.engine.transaction((tx) =>
      tx.run('UPDATE brand_accounts SET credential = ? WHERE id = ? AND removed_at IS NULL', [
        deps.vault.seal(accountId, credential),
        accountId,
      ]),
    );

  const build = async (accountId: string): Promise<BlueskyConnector | MastodonConnector> => {
    const account = await load(accountId);
    const { credential } = account;
    if (credential.kind === 'mastodon') {
      const { createMastodonConnector } =
        await import('../../src-main/connectors/mastodon/mastodon-connector.ts');
      return createMastodonConnector({
        accountId,
        origin: account.service,
        accessToken: credential.accessToken,
        ...(deps.fetch ? { fetch: deps.fetch } : {}),
      });
    }
    const { createBlueskyConnector } = await import('../../src-main/connectors/bluesky/bluesky-connector.ts');
    let session = credential.session;
    if (!session) {
      const { signInToBluesky } = await import('../../src-main/connectors/bluesky/sign-in.ts');
      const signedIn = await signInToBluesky({
        service: account.service,
        identifier: account.handle,
        appPassword: credential.appPassword,
        ...(deps.fetch ? { fetch: deps.fetch } : {}),
      });
      session = signedIn.session;
      await saveCredential(accountId, { ...credential, session });
    }
    return createBlueskyConnector({
      service: account.service,
      session: { ...session, did: account.remoteId, handle: account.handle },
      ...(deps.fetch ? { fetch: deps.fetch } : {}),
      onSessionUpdate: async (next) => {
        await saveCredential(accountId, {
          ...credential,
          session: { accessJwt: next.accessJwt, refreshJwt: next.refreshJwt },
        });
      },
      onSessionUpdateError: () =>
        deps.onError?.(
          `could not store refreshed tokens of brand account ${accountId}; it will log in again`,
        ),
    });
  };

  const forAccount = (accountId: string) => {
    let pending = cache.get(accountId);
    if (!pending) {
      pending = build(accountId).catch((error: unknown) => {
        cache.delete(accountId);
        throw error;
      });
      cache.set(accountId, pending);
    }
    return pending;
  };

  return {
    async bluesky(accountId) {
      const connector = await forAccount(accountId);
      if (connector.network !== 'bluesky') throw new RoostError('internal', 'Not a Bluesky account.');
      return connector;
    },
    async mastodon(accountId) {
      const connector = await forAccount(accountId);
      if (connector.network !== 'mastodon') throw new RoostError('internal', 'Not a Mastodon account.');
      return connector;
    },
    any: forAccount,
    forget: (accountId) => void cache.delete(accountId),
  };
}

/** Signs in once to learn who the credentials belong to; nothing is stored here. */
export async function identifyBrandAccount(
  input:
    | { network: 'bluesky'; service: string; handle: string; appPassword: string }
    | { network: 'mastodon'; instance: string; accessToken: string },
  fetch?: typeof globalThis.fetch,
): Promise<{ service: string; handle: string; remoteId: string; credential: BrandCredential }> {
  if (input.network === 'bluesky') {
    const { signInToBluesky } = await import('../../src-main/connectors/bluesky/sign-in.ts');
    const service = new URL(input.service).origin;
    const signedIn = await signInToBluesky({
      service,
      identifier: input.handle,
      appPassword: input.appPassword,
      ...(fetch ? { fetch } : {}),
    });
    return {
      service,
      handle: signedIn.handle,
      remoteId: signedIn.did,
      credential: { kind: 'bluesky', appPassword: input.appPassword, session: signedIn.session },
    };
  }
  const origin = new URL(input.instance).origin;
  const { createMastodonConnector } =
    await import('../../src-main/connectors/mastodon/mastodon-connector.ts');
  const connector = createMastodonConnector({
    accountId: 'connecting',
    origin,
    accessToken: input.accessToken,
    ...(fetch ? { fetch } : {}),
  });
  const me = await connector.http.send('GET', '/api/v1/accounts/verify_credentials', {
    action: 'Connect brand account',
  });
  const body = me.body as { id?: unknown; acct?: unknown } | null;
  if (typeof body?.id !== 'string' || typeof body.acct !== 'string') {
    throw new RoostError(
      'server_error',
      'The Mastodon server did not say which account the token belongs to.',
    );
  }
  return {
    service: origin,
    handle: `${body.acct}@${new URL(origin).host}`,
    remoteId: body.id,
    credential: { kind: 'mastodon', accessToken: input.accessToken },
  };
}
