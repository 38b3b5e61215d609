// The Mastodon sign-in flow: register Roost with the instance, send the person to the authorize page with
// PKCE, and receive the code on a loopback redirect — or, where a browser cannot reach back (locked-down
// machines), through the out-of-band page whose code the person pastes into Roost.
import { RoostError } from '../../../src-shared/contract/errors.ts';
import { MastodonHttp } from './http.ts';
import { startLoopbackRedirect } from './loopback-redirect.ts';
import {
  DEFAULT_SCOPES,
  OOB_REDIRECT_URI,
  buildAuthorizeUrl,
  createPkcePair,
  createState,
  exchangeCode,
  registerApp,
  verifyCredentials,
  type MastodonIdentity,
  type RegisteredApp,
} from './oauth.ts';

export interface SignInDeps {
  readonly origin: string;
  readonly fetch?: typeof globalThis.fetch;
  readonly clientName?: string;
  readonly scopes?: readonly string[];
  readonly forceLogin?: boolean;
}

export interface SignedIn {
  readonly origin: string;
  readonly accessToken: string;
  readonly app: RegisteredApp;
  readonly identity: MastodonIdentity;
}

/** Opens the browser on the authorize page and waits for the loopback redirect. */
export async function signInWithLoopback(
  deps: SignInDeps & { readonly openBrowser: (url: string) => Promise<void>; readonly timeoutMs: number },
): Promise<SignedIn> {
  const http = new MastodonHttp({ origin: deps.origin, accessToken: null, fetch: deps.fetch });
  const scopes = deps.scopes ?? DEFAULT_SCOPES;
  const state = createState();
  const listener = await startLoopbackRedirect({ state, timeoutMs: deps.timeoutMs });
  try {
    // The listener's port changes per sign-in, so the app is registered with this exact redirect URI.
    const app = await registerApp(http, {
      clientName: deps.clientName ?? 'Roost',
      redirectUris: [listener.redirectUri, OOB_REDIRECT_URI],
      scopes,
    });
    const pkce = createPkcePair();
    const url = buildAuthorizeUrl({
      origin: http.origin,
      clientId: app.clientId,
      redirectUri: listener.redirectUri,
      scopes,
      state,
      codeChallenge: pkce.challenge,
      forceLogin: deps.forceLogin,
    });
    await deps.openBrowser(url);
    const code = await listener.code;
    return await finish(http, app, code, listener.redirectUri, pkce.verifier, scopes);
  } finally {
    listener.close();
  }
}

export interface OobSignIn {
  /** Show this to the person; the server displays a code to copy back into Roost. */
  readonly authorizeUrl: string;
  complete(code: string): Promise<SignedIn>;
}

export async function beginOobSignIn(deps: SignInDeps): Promise<OobSignIn> {
  const http = new MastodonHttp({ origin: deps.origin, accessToken: null, fetch: deps.fetch });
  const scopes = deps.scopes ?? DEFAULT_SCOPES;
  const app = await registerApp(http, {
    clientName: deps.clientName ?? 'Roost',
    redirectUris: [OOB_REDIRECT_URI],
    scopes,
  });
  const pkce = createPkcePair();
  const authorizeUrl = buildAuthorizeUrl({
    origin: http.origin,
    clientId: app.clientId,
    redirectUri: OOB_REDIRECT_URI,
    scopes,
    state: createState(),
    codeChallenge: pkce.challenge,
    forceLogin: deps.forceLogin,
  });
  return {
    authorizeUrl,
    complete: (code: string) => {
      const trimmed = code.trim();
      if (!trimmed || trimmed.length > 2_048 || /\s/.test(trimmed)) {
        return Promise.reject(
          new RoostError('invalid_input', 'Paste the code the server showed, without spaces.'),
        );
      }
      return finish(http, app, trimmed, OOB_REDIRECT_URI, pkce.verifier, scopes);
    },
  };
}

async function finish(
  http: MastodonHttp,
  app: RegisteredApp,
  code: string,
  redirectUri: string,
  verifier: string,
  scopes: readonly string[],
): Promise<SignedIn> {
  let accessToken: string;
  try {
    accessToken = await exchangeCode(http, { app, code, redirectUri, verifier, scopes });
  } catch (error) {
    // The token endpoint answers a bad or reused code with 400 invalid_grant.
    if (error instanceof RoostError && error.code === 'invalid_input') {
      throw new RoostError('auth_failed', `Sign-in: the server did not accept the code (${error.message}).`);
    }
    throw error;
  }
  const identity = await verifyCredentials(http.withToken(accessToken));
  return { origin: http.origin, accessToken, app, identity };
}
