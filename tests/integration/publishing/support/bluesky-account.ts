// A sandbox account signed in the way Roost signs in (app password → stored session → connector), with the
// registry row the outbox sees. Shared by the integration tests that drive the real outbox.
import { signInToBluesky } from '../../../../src-main/connectors/bluesky/sign-in.ts';
import {
  createBlueskyConnector,
  type BlueskyConnector,
} from '../../../../src-main/connectors/bluesky/bluesky-connector.ts';
import type { Account } from '../../../../src-shared/domain/account.ts';
import type { SandboxAccount, SandboxInfo } from '../../../support/sandbox-client.ts';

export async function signedInBlueskyAccount(
  info: SandboxInfo,
  user: SandboxAccount,
): Promise<{ readonly connector: BlueskyConnector; readonly account: Account }> {
  const identity = await signInToBluesky({
    service: info.pdsUrl,
    identifier: user.handle,
    appPassword: user.appPassword,
  });
  const connector = await createBlueskyConnector({
    service: info.pdsUrl,
    session: { ...identity.session, did: identity.did, handle: identity.handle },
    onSessionUpdate: () => undefined,
    webUrl: info.appviewUrl,
  });
  const account: Account = {
    id: 'acct-bsky',
    network: 'bluesky',
    service: info.pdsUrl,
    remoteId: identity.did,
    handle: user.handle,
    displayName: user.displayName,
    avatarUrl: null,
    status: 'active',
    protected: false,
    createdAt: new Date().toISOString(),
  };
  return { connector, account };
}
