// A real HTTP server on 127.0.0.1 for the RSS connector tests: routes answer with canned feeds, redirects,
// errors or endless bodies, and every request's headers are recorded.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Route = (request: IncomingMessage, response: ServerResponse) => void;

export interface FeedServer {
  readonly origin: string;
  readonly requests: { readonly path: string; readonly headers: IncomingMessage['headers'] }[];
  route(path: string, handler: Route): void;
  close(): Promise<void>;
}

export async function startFeedServer(): Promise<FeedServer> {
  const routes = new Map<string, Route>();
  const requests: FeedServer['requests'][number][] = [];
  const server: Server = createServer((request, response) => {
    const path = request.url ?? '/';
    requests.push({ path, headers: request.headers });
    const handler = routes.get(path);
    if (handler === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    handler(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    route: (path, handler) => void routes.set(path, handler),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Serves `body` with validators, answering 304 when the client's validators match. */
export function conditionalFeed(
  body: () => string,
  validators: () => { etag: string; lastModified: string },
  contentType = 'application/rss+xml; charset=utf-8',
): Route {
  return (request, response) => {
    const { etag, lastModified } = validators();
    if (request.headers['if-none-match'] === etag || request.headers['if-modified-since'] === lastModified) {
      response.writeHead(304, { etag, 'last-modified': lastModified }).end();
      return;
    }
    response.writeHead(200, { 'content-type': contentType, etag, 'last-modified': lastModified }).end(body());
  };
}
