// Starts main's services and the browser-mode host on a temporary data folder, with a tiny static
// renderer, and gives tests a WebSocket client speaking the contract's wire frames.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { startMainServices } from '../../../src-main/app/main-services.ts';
import { startBrowserHost, type BrowserHost } from '../../../src-main/browser/browser-host.ts';
import type { MainServices } from '../../../src-main/app/types.ts';
import type { ServerFrame } from '../../../src-shared/contract/wire.ts';
import { createMemoryCredentials, type MemoryCredentials } from './memory-credentials.ts';

export interface HostFixture {
  readonly host: BrowserHost;
  readonly services: MainServices;
  readonly credentials: MemoryCredentials;
  readonly origin: string;
  rpcUrl(token?: string): string;
  stop(): Promise<void>;
}

export async function startHostFixture(): Promise<HostFixture> {
  const dir = mkdtempSync(path.join(tmpdir(), 'roost-host-'));
  const staticDir = path.join(dir, 'renderer');
  mkdirSync(staticDir);
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Roost</title>');
  const credentials = createMemoryCredentials();
  const services = await startMainServices(
    { dataDir: path.join(dir, 'data'), mode: 'browser', version: '0.0.0-test' },
    { credentials },
  );
  const host = await startBrowserHost({ services, staticDir });
  return {
    host,
    services,
    credentials,
    origin: `http://127.0.0.1:${host.port}`,
    rpcUrl: (token = host.token) => `ws://127.0.0.1:${host.port}/rpc?token=${encodeURIComponent(token)}`,
    async stop() {
      await host.stop();
      await services.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A contract client over a real WebSocket, answering requests in order of their ids. */
export interface WireClient {
  readonly socket: WebSocket;
  readonly events: ServerFrame[];
  sendRaw(data: string | Buffer): void;
  request(method: unknown, input: unknown): Promise<ServerFrame & { kind: 'result' }>;
  nextResult(): Promise<ServerFrame & { kind: 'result' }>;
  close(): void;
}

export async function connectWire(url: string, origin: string): Promise<WireClient> {
  const socket = new WebSocket(url, { origin });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const results: (ServerFrame & { kind: 'result' })[] = [];
  const waiting: ((frame: ServerFrame & { kind: 'result' }) => void)[] = [];
  const events: ServerFrame[] = [];
  socket.on('message', (data) => {
    const frame = JSON.parse(data.toString()) as ServerFrame;
    if (frame.kind === 'event') return void events.push(frame);
    const waiter = waiting.shift();
    if (waiter) waiter(frame);
    else results.push(frame);
  });
  let nextId = 1;
  const nextResult = (): Promise<ServerFrame & { kind: 'result' }> => {
    const ready = results.shift();
    if (ready) return Promise.resolve(ready);
    return new Promise((resolve) => waiting.push(resolve));
  };
  return {
    socket,
    events,
    sendRaw: (data) => socket.send(data),
    request(method, input) {
      socket.send(JSON.stringify({ kind: 'request', id: nextId++, method, input }));
      return nextResult();
    },
    nextResult,
    close: () => socket.close(),
  };
}

/** Tries a WebSocket upgrade and reports the HTTP status the host answered (101 when accepted). */
export function upgradeStatus(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, { headers, ...(headers.Origin ? { origin: headers.Origin } : {}) });
    socket.once('open', () => {
      socket.close();
      resolve(101);
    });
    socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    socket.once('error', () => resolve(-1));
  });
}
