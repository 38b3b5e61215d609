// Resolving mentions over real HTTP against a loopback server that answers resolveHandle per handle the way
// a PDS does: a DID, 400 for a handle that is no account, 502 when something upstream is down. Only the
// "no account" answer drops a mention; any other failure throws so the outbox retries the post later.
import { createServer, type Server } from 'node:http';
import { AtpAgent } from '@atproto/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  recordFacets,
  resolveMentionDids,
} from '../../../../src-main/connectors/bluesky/mention-resolver.ts';

let server: Server;
let agent: AtpAgent;
const asked: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const handle = url.searchParams.get('handle') ?? '';
    asked.push(handle);
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname !== '/xrpc/com.atproto.identity.resolveHandle') return json(404, { error: 'NotFound' });
    if (handle === 'alice.test') return json(200, { did: 'did:plc:alice' });
    if (handle === 'flaky.test') return json(502, { error: 'UpstreamFailure', message: 'down' });
    return json(400, { error: 'InvalidRequest', message: 'Unable to resolve handle' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  agent = new AtpAgent({ service: `http://127.0.0.1:${(server.address() as { port: number }).port}` });
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('resolveMentionDids', () => {
  it('maps handles to DIDs, null for handles that are no account, asking once per handle', async () => {
    asked.length = 0;
    const dids = await resolveMentionDids(agent, ['Alice.test', 'alice.test', 'typo.test']);
    expect([...dids]).toEqual([
      ['alice.test', 'did:plc:alice'],
      ['typo.test', null],
    ]);
    expect(asked.sort()).toEqual(['alice.test', 'typo.test']);
  });

  it('throws when the server fails, rather than calling the handle unknown', async () => {
    await expect(resolveMentionDids(agent, ['flaky.test'])).rejects.toMatchObject({ status: 502 });
  });

  it('throws when the server cannot be reached', async () => {
    const offline = new AtpAgent({ service: 'http://127.0.0.1:9' });
    await expect(resolveMentionDids(offline, ['alice.test'])).rejects.toBeDefined();
  });
});

describe('recordFacets', () => {
  it('keeps links, tags, cashtags and resolved mentions; drops the rest', async () => {
    const text = '@alice.test @typo.test #tag $AAPL https://x.com';
    expect(await recordFacets(agent, text)).toEqual([
      {
        $type: 'app.bsky.richtext.facet',
        index: { byteStart: 0, byteEnd: 11 },
        features: [{ $type: 'app.bsky.richtext.facet#mention', did: 'did:plc:alice' }],
      },
      {
        index: { byteStart: 23, byteEnd: 27 },
        features: [{ $type: 'app.bsky.richtext.facet#tag', tag: 'tag' }],
      },
      {
        index: { byteStart: 28, byteEnd: 33 },
        features: [{ $type: 'app.bsky.richtext.facet#tag', tag: '$AAPL' }],
      },
      {
        index: { byteStart: 34, byteEnd: 47 },
        features: [{ $type: 'app.bsky.richtext.facet#link', uri: 'https://x.com' }],
      },
    ]);
  });

  it('asks nothing when there is no mention', async () => {
    asked.length = 0;
    expect(await recordFacets(agent, 'plain text')).toEqual([]);
    expect(asked).toEqual([]);
  });
});
