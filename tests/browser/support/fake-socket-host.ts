// A loopback stand-in for main's WebSocket host, speaking the wire frames of src-shared/contract/wire.ts
// and answering through main's real router. The tests can pause answers, drop connections and refuse
// new ones, which a real socket cannot be made to do on cue.
import { createRouter, type Handlers } from '../../../src-main/rpc/router.ts';
import type { EventFrame, RequestFrame, ResultFrame } from '../../../src-shared/contract/wire.ts';
import type { SocketLike } from '../../../src-renderer/bridge/websocket-transport.ts';

const CONNECTING = 0;
const OPEN = 1;
const CLOSED = 3;

class FakeSocket implements SocketLike {
  readyState = CONNECTING;
  onopen: ((event: Event) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  readonly url: string;
  private readonly host: FakeSocketHost;

  constructor(url: string, host: FakeSocketHost) {
    this.url = url;
    this.host = host;
  }
  send(data: string): void {
    if (this.readyState !== OPEN) throw new Error('socket not open');
    this.host.receive(this, data);
  }
  close(): void {
    this.serverClose();
  }
  /** Called by the host side. */
  serverOpen(): void {
    this.readyState = OPEN;
    this.onopen?.(new Event('open'));
  }
  serverClose(): void {
    if (this.readyState === CLOSED) return;
    this.readyState = CLOSED;
    setTimeout(() => this.onclose?.(new CloseEvent('close', { code: 1006 })), 0);
  }
  deliver(frame: ResultFrame | EventFrame): void {
    if (this.readyState === OPEN)
      this.onmessage?.(new MessageEvent('message', { data: JSON.stringify(frame) }));
  }
}

export class FakeSocketHost {
  readonly sockets: FakeSocket[] = [];
  accepting = true;
  paused = false;
  private readonly router;
  private readonly queued: { socket: FakeSocket; frame: RequestFrame }[] = [];

  constructor(handlers: Handlers) {
    this.router = createRouter(handlers);
  }

  readonly createSocket = (url: string): SocketLike => {
    const socket = new FakeSocket(url, this);
    this.sockets.push(socket);
    setTimeout(() => (this.accepting ? socket.serverOpen() : socket.serverClose()), 0);
    return socket;
  };

  receive(socket: FakeSocket, data: string): void {
    const frame = JSON.parse(data) as RequestFrame;
    if (this.paused) this.queued.push({ socket, frame });
    else void this.answer(socket, frame);
  }

  /** Answers every paused request, newest first, to prove answers are matched by id. */
  async flushReversed(): Promise<void> {
    this.paused = false;
    const batch = this.queued.splice(0).reverse();
    for (const { socket, frame } of batch) await this.answer(socket, frame);
  }

  get requestsWaiting(): number {
    return this.queued.length;
  }

  push(name: string, payload: unknown): void {
    for (const socket of this.sockets) socket.deliver({ kind: 'event', name, payload });
  }

  dropAll(): void {
    for (const socket of this.sockets) socket.serverClose();
  }

  get openCount(): number {
    return this.sockets.filter((s) => s.readyState === OPEN).length;
  }

  private async answer(socket: FakeSocket, frame: RequestFrame): Promise<void> {
    const result = await this.router.dispatch(frame.method, frame.input, {
      transport: 'browser',
      actor: { kind: 'local-user' },
    });
    socket.deliver({ kind: 'result', id: frame.id, result });
  }
}
