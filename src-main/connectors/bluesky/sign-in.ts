// Signs in to a Bluesky PDS with an app password and reads the profile Roost shows for the account.
import { AtpAgent } from '@atproto/api';
import { requireHttpsUnlessLoopback } from '../require-https.ts';
import { isAtprotoDid, isAtprotoHandle } from '../../../src-shared/atproto/identifiers.ts';
import { RoostError } from '../../../src-shared/contract/errors.ts';
import { toRoostError } from './errors.ts';

export interface BlueskySignInInput {
  readonly service: string;
  readonly identifier: string;
  readonly appPassword: string;
  readonly fetch?: typeof globalThis.fetch;
}

export interface BlueskyIdentity {
  readonly did: string;
  readonly handle: string;
  readonly displayName: string;
  readonly avatarUrl: string | null;
  /** Session tokens, kept in the keychain so later start-ups reuse them (logins are rate-limited). */
  readonly session: { readonly accessJwt: string; readonly refreshJwt: string };
}

export async function signInToBluesky(input: BlueskySignInInput): Promise<BlueskyIdentity> {
  // The app password is sent in the clear over http: allowed only to a server on this computer (the sandbox).
  requireHttpsUnlessLoopback(input.service, 'Bluesky server', 'service');
  const agent = new AtpAgent({ service: input.service, ...(input.fetch ? { fetch: input.fetch } : {}) });
  let login;
  try {
    login = await agent.login({ identifier: input.identifier, password: input.appPassword });
  } catch (error) {
    throw toRoostError(error, 'Sign-in');
  }
  const { did, handle, accessJwt, refreshJwt } = login.data;
  // The server's word is stored and shown: a malformed identity is refused, not kept.
  if (!isAtprotoDid(did) || !isAtprotoHandle(handle)) {
    throw new RoostError('server_error', 'The server answered with an account identity that is not valid.');
  }
  let displayName = handle;
  let avatarUrl: string | null = null;
  try {
    const profile = await agent.getProfile({ actor: did });
    displayName = profile.data.displayName?.trim() || handle;
    avatarUrl = safeHttpUrl(profile.data.avatar);
  } catch {
    // The profile is cosmetic: an AppView hiccup must not block adding an account that signed in.
  }
  return { did, handle, displayName, avatarUrl, session: { accessJwt, refreshJwt } };
}

function safeHttpUrl(raw: string | undefined): string | null {
  if (!raw) return null;
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : null;
  } catch {
    return null;
  }
}
