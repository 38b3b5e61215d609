// The replay server's WebSocket endpoint (/api/v1/streaming): authenticates like Mastodon, sends events in
// the documented shape ({ stream, event, payload } with payload as a JSON string), and can drop connections.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';

interface Subscriber {
  readonly socket: WebSocket;
  readonly stream: string;
  readonly tag: string | null;
  readonly list: string | null;
}

export class ReplayStreaming {
  readonly #wss = new WebSocketServer({ noServer: true, autoPong: false });
  readonly #subscribers = new Set<Subscriber>();
  readonly #waiters: { count: number; resolve: () => void }[] = [];
  /** When false the server ignores pings, like a connection that silently died. */
  answerPings = true;
  connectionsOpened = 0;

  handleUpgrade(
    request: IncomingMessage,
    socket: Duplex,
    head: Buffer,
    tokenValid: (token: string | null) => boolean,
  ): void {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const header = request.headers.authorization;
    const token =
      (header?.startsWith('Bearer ') ? header.slice(7) : null) ??
      url.searchParams.get('access_token') ??
      (request.headers['sec-websocket-protocol'] as string | undefined) ??
      null;
    if (url.pathname !== '/api/v1/streaming') {
      socket.end(
        'HTTP/1.1 400 Bad Request\r\ncontent-type: application/json\r\n\r\n{"error":"Unknown channel requested"}',
      );
      return;
    }
    if (!tokenValid(token)) {
      socket.end(
        'HTTP/1.1 401 Unauthorized\r\ncontent-type: application/json\r\n\r\n{"error":"The access token is invalid"}',
      );
      return;
    }
    this.#wss.handleUpgrade(request, socket, head, (ws) => {
      const subscriber: Subscriber = {
        socket: ws,
        stream: url.searchParams.get('stream') ?? '',
        tag: url.searchParams.get('tag'),
        list: url.searchParams.get('list'),
      };
      this.#subscribers.add(subscriber);
      this.connectionsOpened += 1;
      ws.on('ping', (data) => {
        if (this.answerPings) ws.pong(data);
      });
      ws.on('close', () => this.#subscribers.delete(subscriber));
      for (const waiter of [...this.#waiters]) {
        if (this.connectionsOpened >= waiter.count) {
          this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
          waiter.resolve();
        }
      }
    });
  }

  /** Resolves once `count` connections have been opened in total (not necessarily still open). */
  waitForConnections(count: number): Promise<void> {
    if (this.connectionsOpened >= count) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push({ count, resolve }));
  }

  get openConnections(): number {
    return this.#subscribers.size;
  }

  /** Sends one event to every subscriber of `stream`; objects are sent as a JSON string payload. */
  push(stream: string, event: string, payload?: unknown, filter?: { tag?: string; list?: string }): number {
    let sent = 0;
    for (const subscriber of this.#subscribers) {
      if (subscriber.stream !== stream) continue;
      if (filter?.tag && subscriber.tag !== filter.tag) continue;
      if (filter?.list && subscriber.list !== filter.list) continue;
      const message: Record<string, unknown> = { stream: [stream], event };
      if (payload !== undefined)
        message.payload = typeof payload === 'string' ? payload : JSON.stringify(payload);
      subscriber.socket.send(JSON.stringify(message));
      sent += 1;
    }
    return sent;
  }

  /** Sends a raw text frame (for malformed-event tests). */
  pushRaw(stream: string, text: string): void {
    for (const subscriber of this.#subscribers)
      if (subscriber.stream === stream) subscriber.socket.send(text);
  }

  /** Cuts every connection without a close handshake, as a network drop would. */
  dropAll(): void {
    for (const subscriber of this.#subscribers) subscriber.socket.terminate();
    this.#subscribers.clear();
  }

  close(): void {
    this.dropAll();
    this.#wss.close();
  }
}
