// Browser mode's transport: serves the built renderer and carries the contract over a WebSocket,
// listening on 127.0.0.1 only. Every upgrade must pass the Host, Origin and per-launch token checks.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket, type RawData } from 'ws';
import {
  MAX_FRAME_BYTES,
  RPC_PATH,
  TOKEN_QUERY_KEY,
  type ServerFrame,
} from '../../src-shared/contract/wire.ts';
import type { MainServices } from '../app/types.ts';
import { createOriginGuard, type OriginGuard } from './origin-guard.ts';
import { readStaticFile } from './static-files.ts';
import { contentSecurityPolicy } from '../rpc/csp.ts';
import { createEventGate } from '../rpc/event-gate.ts';
import { parseRequestFrame } from '../rpc/request-frame.ts';
import { localUserContext } from '../rpc/call-context.ts';

export interface BrowserHostOptions {
  /** May still be starting: the page is served at once and requests wait for the services. */
  readonly services: MainServices | Promise<MainServices>;
  /** Folder holding the built renderer (dist/renderer). */
  readonly staticDir: string;
  /** 0 picks a free port. */
  readonly port?: number;
  /** Tests may fix the token; otherwise 32 random bytes per launch. */
  readonly token?: string;
  /** Open contract sockets at once; more are refused with 503 (a page uses one; tabs and reloads a few). */
  readonly maxConnections?: number;
  /** Requests one socket may have unanswered; more are answered `rate_limited` without running. */
  readonly maxInFlightPerConnection?: number;
  /** Called when the first page connects (browser mode starts loading the services then, at the latest). */
  readonly onFirstConnection?: () => void;
}

const DEFAULT_MAX_CONNECTIONS = 8;
const DEFAULT_MAX_IN_FLIGHT = 64;

export interface BrowserHost {
  readonly port: number;
  readonly token: string;
  /** The address to open, with the token in the fragment so it never reaches a request line or log. */
  readonly url: string;
  stop(): Promise<void>;
}

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const server = createServer();
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const guard = createOriginGuard(port, token);
  // Browser mode is for this machine and the local sandbox, whose avatars are served on loopback.
  const csp = contentSecurityPolicy({
    connectSrc: guard.allowedHosts.map((host) => `ws://${host}`),
    loopbackImages: true,
  });

  server.on('request', (req, res) => void serveStatic(req, res, options.staticDir, guard, csp));
  const maxConnections = options.maxConnections ?? DEFAULT_MAX_CONNECTIONS;
  const maxInFlight = options.maxInFlightPerConnection ?? DEFAULT_MAX_IN_FLIGHT;
  server.on('upgrade', (req, socket, head) => {
    if (!isAuthorisedUpgrade(req, guard)) return refuse(socket);
    // ws completes a handshake (and adds the client) synchronously here, so a burst cannot slip past.
    if (sockets.clients.size >= maxConnections) return refuse(socket, '503 Service Unavailable');
    options.onFirstConnection?.();
    sockets.handleUpgrade(req, socket, head, (ws) => serveConnection(ws, options.services, maxInFlight));
  });

  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/#token=${token}`,
    async stop() {
      for (const client of sockets.clients) client.terminate();
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function isAuthorisedUpgrade(req: IncomingMessage, guard: OriginGuard): boolean {
  if (!guard.checkHost(req.headers.host) || !guard.checkOrigin(req.headers.origin)) return false;
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  return url.pathname === RPC_PATH && guard.checkToken(url.searchParams.get(TOKEN_QUERY_KEY));
}

function refuse(socket: Duplex, status = '403 Forbidden'): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

async function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  staticDir: string,
  guard: OriginGuard,
  csp: string,
): Promise<void> {
  const headers = {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  };
  if (!guard.checkHost(req.headers.host)) {
    res.writeHead(421, headers).end();
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...headers, Allow: 'GET, HEAD' }).end();
    return;
  }
  const file = await readStaticFile(staticDir, req.url ?? '/');
  if (file === null) {
    res.writeHead(404, headers).end();
    return;
  }
  res.writeHead(200, { ...headers, 'Content-Type': file.contentType });
  res.end(req.method === 'HEAD' ? undefined : file.body);
}

function serveConnection(
  ws: WebSocket,
  starting: MainServices | Promise<MainServices>,
  maxInFlight: number,
): void {
  const send = (frame: ServerFrame): void => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
  };
  const gate = createEventGate<ServerFrame>(send);
  const ready = Promise.resolve(starting);
  let unsubscribe: () => void = () => undefined;
  let closed = false;
  void ready.then(
    (services) => {
      if (!closed)
        unsubscribe = services.events.subscribe((name, payload) =>
          gate.push({ kind: 'event', name, payload }),
        );
    },
    () => undefined,
  );
  ws.on('close', () => {
    closed = true;
    unsubscribe();
  });
  ws.on('error', () => ws.terminate());
  let inFlight = 0;
  ws.on('message', (data: RawData, isBinary: boolean) => {
    inFlight++;
    void answer(data, isBinary).finally(() => inFlight--);
  });

  async function answer(data: RawData, isBinary: boolean): Promise<void> {
    const frame = parseRequestFrame(data, isBinary);
    if (!frame.ok) {
      send({ kind: 'result', id: frame.id, result: { ok: false, error: frame.error } });
      return;
    }
    // A page never needs this many; a runaway or hostile one must not queue unbounded work in main.
    if (inFlight > maxInFlight) {
      const error = {
        code: 'rate_limited' as const,
        message: 'Too many requests waiting on this connection.',
      };
      send({ kind: 'result', id: frame.id, result: { ok: false, error } });
      return;
    }
    let services: MainServices;
    try {
      services = await ready;
    } catch {
      send({
        kind: 'result',
        id: frame.id,
        result: {
          ok: false,
          error: { code: 'internal', message: 'Roost could not start its services; see the log.' },
        },
      });
      return;
    }
    const result = await services.router.dispatch(frame.method, frame.input, localUserContext('browser'));
    if (frame.method === 'app:ready' && result.ok) {
      // Answer first so the page has its listeners wired before the queued events arrive.
      send({ kind: 'result', id: frame.id, result: { ok: true, value: { queued: gate.open() } } });
      return;
    }
    send({ kind: 'result', id: frame.id, result });
  }
}
