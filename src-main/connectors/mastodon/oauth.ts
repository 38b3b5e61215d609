// Mastodon sign-in building blocks: app registration per instance, PKCE (S256), the authorize URL,
// the callback/state check, the code-for-token exchange and verify_credentials.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { RoostError } from '../../../src-shared/contract/errors.ts';
import { AccountSchema, ApplicationSchema, TokenSchema } from './entities.ts';
import type { MastodonHttp } from './http.ts';

export const OOB_REDIRECT_URI = 'urn:ietf:wg:oauth:2.0:oob';
export const DEFAULT_SCOPES = ['read', 'write'] as const;

export interface PkcePair {
  readonly verifier: string;
  readonly challenge: string;
}

/** RFC 7636: a 43-character base64url verifier from 32 random bytes, and its S256 challenge. */
export function createPkcePair(random: (size: number) => Uint8Array = randomBytes): PkcePair {
  const verifier = base64Url(random(32));
  return { verifier, challenge: pkceChallenge(verifier) };
}

export function pkceChallenge(verifier: string): string {
  if (!/^[A-Za-z0-9\-._~]{43,128}$/.test(verifier)) {
    throw new RoostError('invalid_input', 'A PKCE verifier is 43–128 unreserved characters.');
  }
  return base64Url(createHash('sha256').update(verifier, 'ascii').digest());
}

export function createState(random: (size: number) => Uint8Array = randomBytes): string {
  return base64Url(random(24));
}

export interface AuthorizeUrlInput {
  readonly origin: string;
  readonly clientId: string;
  readonly redirectUri: string;
  readonly scopes: readonly string[];
  readonly state: string;
  readonly codeChallenge: string;
  /** Lets a person add a second account of the same instance. */
  readonly forceLogin?: boolean;
  readonly lang?: string;
}

export function buildAuthorizeUrl(input: AuthorizeUrlInput): string {
  const url = new URL('/oauth/authorize', input.origin);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', input.clientId);
  url.searchParams.set('redirect_uri', input.redirectUri);
  url.searchParams.set('scope', input.scopes.join(' '));
  url.searchParams.set('state', input.state);
  url.searchParams.set('code_challenge', input.codeChallenge);
  url.searchParams.set('code_challenge_method', 'S256');
  if (input.forceLogin) url.searchParams.set('force_login', 'true');
  if (input.lang) url.searchParams.set('lang', input.lang);
  return url.toString();
}

/** Constant-time comparison, so a local process probing the callback learns nothing from timing. */
export function stateMatches(expected: string, received: string | null | undefined): boolean {
  if (!received || !expected) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(received);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Reads `code` from a redirect's query, after checking `state`. */
export function readCallback(query: URLSearchParams, expectedState: string): string {
  if (!stateMatches(expectedState, query.get('state'))) {
    throw new RoostError('forbidden', 'Sign-in: the answer did not come from the sign-in Roost started.');
  }
  const error = query.get('error');
  if (error) {
    const reason = error === 'access_denied' ? 'authorisation was refused' : 'the server reported an error';
    throw new RoostError('auth_failed', `Sign-in: ${reason}.`);
  }
  const code = query.get('code');
  if (!code || code.length > 2_048) throw new RoostError('auth_failed', 'Sign-in: the server sent no code.');
  return code;
}

export interface RegisteredApp {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly redirectUris: readonly string[];
}

export async function registerApp(
  http: MastodonHttp,
  input: { clientName: string; redirectUris: readonly string[]; scopes: readonly string[]; website?: string },
): Promise<RegisteredApp> {
  const { body } = await http.request('POST', '/api/v1/apps', ApplicationSchema, {
    action: 'Register Roost with the server',
    json: {
      client_name: input.clientName,
      redirect_uris: [...input.redirectUris],
      scopes: input.scopes.join(' '),
      ...(input.website ? { website: input.website } : {}),
    },
  });
  return {
    clientId: body.client_id,
    clientSecret: body.client_secret,
    redirectUris: body.redirect_uris ?? [...input.redirectUris],
  };
}

export async function exchangeCode(
  http: MastodonHttp,
  input: {
    app: RegisteredApp;
    code: string;
    redirectUri: string;
    verifier: string;
    scopes: readonly string[];
  },
): Promise<string> {
  const { body } = await http.request('POST', '/oauth/token', TokenSchema, {
    action: 'Sign-in',
    json: {
      grant_type: 'authorization_code',
      code: input.code,
      client_id: input.app.clientId,
      client_secret: input.app.clientSecret,
      redirect_uri: input.redirectUri,
      code_verifier: input.verifier,
      scope: input.scopes.join(' '),
    },
  });
  return body.access_token;
}

export interface MastodonIdentity {
  readonly id: string;
  readonly acct: string;
  /** username@instance, what Roost shows. */
  readonly handle: string;
  readonly displayName: string;
  readonly avatarUrl: string | null;
  /** Stable network identity: the account URI, or its profile URL on servers that omit `uri`. */
  readonly remoteId: string;
}

export async function verifyCredentials(http: MastodonHttp): Promise<MastodonIdentity> {
  const { body } = await http.request('GET', '/api/v1/accounts/verify_credentials', AccountSchema, {
    action: 'Sign-in',
  });
  const host = new URL(http.origin).host;
  const avatar = body.avatar && /^https?:\/\//i.test(body.avatar) ? body.avatar : null;
  return {
    id: body.id,
    acct: body.acct,
    handle: body.acct.includes('@') ? body.acct : `${body.acct}@${host}`,
    displayName: body.display_name.trim() || body.username,
    avatarUrl: avatar,
    remoteId: body.uri ?? body.url ?? `${http.origin}/accounts/${body.id}`,
  };
}

function base64Url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64url');
}
