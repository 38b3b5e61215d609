// A one-shot HTTP listener on 127.0.0.1 that receives the OAuth redirect, checks `state`, answers the
// browser with a short page, and closes. Requests with a wrong state are refused but do not end the wait,
// so another local process cannot cancel a sign-in in progress.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RoostError } from '../../../src-shared/contract/errors.ts';
import { readCallback, stateMatches } from './oauth.ts';

export interface LoopbackRedirect {
  /** http://127.0.0.1:PORT/callback — register it with the app and send it as redirect_uri. */
  readonly redirectUri: string;
  /** Resolves with the authorization code; rejects on refusal, timeout or close(). */
  readonly code: Promise<string>;
  close(): void;
}

export interface LoopbackOptions {
  readonly state: string;
  readonly timeoutMs: number;
  readonly port?: number;
  readonly setTimeout?: (fn: () => void, ms: number) => unknown;
  readonly clearTimeout?: (handle: unknown) => void;
}

const PAGE = (message: string): string =>
  `<!doctype html><meta charset="utf-8"><title>Roost</title><p>${message}</p>`;

export async function startLoopbackRedirect(options: LoopbackOptions): Promise<LoopbackRedirect> {
  const schedule = options.setTimeout ?? ((fn: () => void, ms: number) => setTimeout(fn, ms));
  const cancel = options.clearTimeout ?? ((handle: unknown) => clearTimeout(handle as NodeJS.Timeout));
  let settle: { resolve: (code: string) => void; reject: (error: Error) => void } | null = null;
  const code = new Promise<string>((resolve, reject) => {
    settle = { resolve, reject };
  });
  // Callers may only await `code` after an await of their own; never let an early rejection go unhandled.
  code.catch(() => undefined);

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const headers = {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'close',
    };
    if (
      request.method !== 'GET' ||
      url.pathname !== '/callback' ||
      !stateMatches(options.state, url.searchParams.get('state'))
    ) {
      response.writeHead(400, headers).end(PAGE('This link is not part of a sign-in in progress.'));
      return;
    }
    try {
      const received = readCallback(url.searchParams, options.state);
      response.writeHead(200, headers).end(PAGE('Signed in. You can close this window and return to Roost.'));
      finish(null, received);
    } catch (error) {
      response.writeHead(200, headers).end(PAGE('Sign-in was not completed. You can close this window.'));
      finish(error instanceof Error ? error : new RoostError('auth_failed', 'Sign-in failed.'), null);
    }
  });

  let done = false;
  const timer = schedule(
    () => finish(new RoostError('auth_failed', 'Sign-in: no answer from the browser in time.'), null),
    options.timeoutMs,
  );
  function finish(error: Error | null, value: string | null): void {
    if (done) return;
    done = true;
    cancel(timer);
    server.close();
    server.closeIdleConnections();
    if (error) settle?.reject(error);
    else if (value !== null) settle?.resolve(value);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    redirectUri: `http://127.0.0.1:${port}/callback`,
    code,
    close: () => finish(new RoostError('auth_failed', 'Sign-in: cancelled.'), null),
  };
}
