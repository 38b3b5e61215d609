// The sandbox's loopback control endpoint: lets tests in other processes create accounts, write as them and
// wait for the AppView. JSON in and out; errors are 4xx/5xx with `{ error }`.
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { RecordRef } from '../support/sandbox-client.ts';
import { ActionError } from './actions.ts';
import type { SandboxActions } from './actions.ts';

const MAX_BODY_BYTES = 64 * 1024;

type Body = Record<string, unknown>;
type Route = (body: Body) => Promise<unknown>;

function text(body: Body, key: string, optional = false): string | undefined {
  const value = body[key];
  if (value === undefined && optional) return undefined;
  if (typeof value !== 'string' || value.length === 0)
    throw new ActionError(400, `"${key}" must be a non-empty string`);
  return value;
}

function required(body: Body, key: string): string {
  return text(body, key) as string;
}

function recordRef(body: Body, key: string, optional = false): RecordRef | undefined {
  const value = body[key];
  if (value === undefined && optional) return undefined;
  if (typeof value !== 'object' || value === null)
    throw new ActionError(400, `"${key}" must be { uri, cid }`);
  const ref = value as Body;
  return { uri: required(ref, 'uri'), cid: required(ref, 'cid') };
}

/** Every write waits for the AppView, so a test can read its own write right after the call returns. */
function routes(actions: SandboxActions): Record<string, Route> {
  const thenProcess = async <T>(write: Promise<T>): Promise<T> => {
    const result = await write;
    await actions.processAll();
    return result;
  };
  return {
    '/process-all': async () => {
      await actions.processAll();
      return {};
    },
    '/accounts': (b) => {
      const handlePrefix = text(b, 'handlePrefix', true);
      const displayName = text(b, 'displayName', true);
      return thenProcess(
        actions.createAccount({
          ...(handlePrefix ? { handlePrefix } : {}),
          ...(displayName ? { displayName } : {}),
        }),
      );
    },
    '/post': (b) =>
      thenProcess(actions.post(required(b, 'handle'), required(b, 'text'), recordRef(b, 'replyTo', true))),
    '/like': (b) => thenProcess(actions.like(required(b, 'handle'), recordRef(b, 'subject') as RecordRef)),
    '/repost': (b) =>
      thenProcess(actions.repost(required(b, 'handle'), recordRef(b, 'subject') as RecordRef)),
    '/follow': (b) => thenProcess(actions.follow(required(b, 'handle'), required(b, 'subject'))),
  };
}

async function readJson(req: IncomingMessage): Promise<Body> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new ActionError(413, `Body larger than ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  const raw = Buffer.concat(chunks).toString('utf8');
  if (raw.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new ActionError(400, 'Body is not valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ActionError(400, 'Body must be a JSON object');
  }
  return parsed as Body;
}

function send(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

export interface ControlServer {
  url: string;
  close(): Promise<void>;
}

export async function startControlServer(actions: SandboxActions): Promise<ControlServer> {
  const table = routes(actions);
  const server: Server = createServer((req, res) => {
    void (async () => {
      try {
        const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
        const route = table[path];
        if (!route) throw new ActionError(404, `Unknown path ${path}; try ${Object.keys(table).join(', ')}`);
        if (req.method !== 'POST') throw new ActionError(405, 'Use POST');
        send(res, 200, (await route(await readJson(req))) ?? {});
      } catch (error) {
        const status = error instanceof ActionError ? error.status : upstreamStatus(error);
        if (status === 413) res.setHeader('connection', 'close');
        send(res, status, { error: error instanceof Error ? error.message : String(error) });
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (!address || typeof address !== 'object') throw new Error('Control server has no address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** An XRPC error from the PDS (bad handle, unknown record...) is the caller's fault, anything else ours. */
function upstreamStatus(error: unknown): number {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : 500;
}
