// A minimal custom feed generator on loopback: a did:web document naming its endpoint, describeFeedGenerator,
// and getFeedSkeleton serving whichever post URIs the test puts in it (with an offset cursor). The local
// AppView resolves did:web:localhost%3A<port> over plain HTTP, as it does for real generators over HTTPS.
import { createServer } from 'node:http';
import type { Server } from 'node:http';

export interface FeedGenerator {
  readonly did: string;
  /** Post URIs served, newest first. */
  posts: string[];
  /** How many skeleton requests arrived, to prove the AppView really asked us. */
  readonly requests: () => number;
  close(): Promise<void>;
}

export async function startFeedGenerator(): Promise<FeedGenerator> {
  let port = 0;
  let requests = 0;
  const state = { posts: [] as string[] };
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const did = `did:web:localhost%3A${port}`;
    const json = (status: number, body: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === '/.well-known/did.json') {
      json(200, {
        '@context': ['https://www.w3.org/ns/did/v1'],
        id: did,
        service: [{ id: '#bsky_fg', type: 'BskyFeedGenerator', serviceEndpoint: `http://localhost:${port}` }],
      });
    } else if (url.pathname === '/xrpc/app.bsky.feed.describeFeedGenerator') {
      json(200, { did, feeds: [] });
    } else if (url.pathname === '/xrpc/app.bsky.feed.getFeedSkeleton') {
      requests++;
      const limit = Number(url.searchParams.get('limit') ?? '50');
      const offset = Number(url.searchParams.get('cursor') ?? '0');
      const slice = state.posts.slice(offset, offset + limit);
      const next = offset + slice.length;
      json(200, {
        feed: slice.map((post) => ({ post })),
        ...(next < state.posts.length ? { cursor: String(next) } : {}),
      });
    } else {
      json(404, { error: 'NotFound', message: url.pathname });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  port = (server.address() as { port: number }).port;
  return {
    did: `did:web:localhost%3A${port}`,
    get posts() {
      return state.posts;
    },
    set posts(value: string[]) {
      state.posts = value;
    },
    requests: () => requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
