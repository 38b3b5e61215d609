// A loopback HTTP server standing in for a PDS where the local network cannot produce the case (rate-limit
// headers, 429, 5xx, answers that break the lexicon or Roost's schemas). Real HTTP, recorded-shape bodies.
import { createServer } from 'node:http';
import type { Server } from 'node:http';

export interface Reply {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Record<string, string>;
}

export interface ReplayPds {
  readonly url: string;
  /** Set the answer for an XRPC method (path after /xrpc/). */
  answer(method: string, reply: Reply): void;
  readonly calls: string[];
  close(): Promise<void>;
}

export async function startReplayPds(did: string, handle: string): Promise<ReplayPds> {
  const replies = new Map<string, Reply>();
  const calls: string[] = [];
  let refreshes = 0;
  replies.set('com.atproto.server.refreshSession', {
    status: 200,
    get body() {
      refreshes++;
      return {
        did,
        handle,
        accessJwt: `access-${refreshes}`,
        refreshJwt: `refresh-${refreshes}`,
        active: true,
      };
    },
  });
  const server: Server = createServer((req, res) => {
    const method = new URL(req.url ?? '/', 'http://127.0.0.1').pathname.replace(/^\/xrpc\//, '');
    calls.push(method);
    const reply = replies.get(method) ?? {
      status: 404,
      body: { error: 'MethodNotImplemented', message: method },
    };
    res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
    res.end(JSON.stringify(reply.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    answer: (method, reply) => void replies.set(method, reply),
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
