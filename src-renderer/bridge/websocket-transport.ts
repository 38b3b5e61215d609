// Transport for browser mode: one WebSocket to main's loopback host, request ids matched to answers,
// automatic reconnection with capped exponential backoff, and calls that fail clearly while offline.
import type { Result } from '../../src-shared/contract/errors.ts';
import type { RequestMethod } from '../../src-shared/contract/methods.ts';
import type { RequestFrame } from '../../src-shared/contract/wire.ts';
import type {
  Transport,
  TransportEventListener,
  TransportState,
  TransportStateListener,
} from './transport.ts';

/** The part of the DOM WebSocket this transport uses, so tests can hand in a double. */
export interface SocketLike {
  readonly readyState: number;
  onopen: ((event: Event) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  send(data: string): void;
  close(): void;
}

export interface WebSocketTransportOptions {
  readonly url: string;
  readonly createSocket?: (url: string) => SocketLike;
  readonly backoff?: { readonly initialMs: number; readonly maxMs: number };
  /** A call made while disconnected waits this long for the socket before failing. */
  readonly offlineWaitMs?: number;
  /** A call with no answer after this long fails instead of leaving the UI waiting forever. */
  readonly callTimeoutMs?: number;
  readonly random?: () => number;
}

const OPEN = 1;

interface Pending {
  readonly resolve: (result: Result<unknown>) => void;
  readonly timer: ReturnType<typeof setTimeout>;
}

export function createWebSocketTransport(options: WebSocketTransportOptions): Transport {
  const createSocket = options.createSocket ?? ((url: string) => new WebSocket(url));
  const backoff = options.backoff ?? { initialMs: 500, maxMs: 15_000 };
  const offlineWaitMs = options.offlineWaitMs ?? 3_000;
  const callTimeoutMs = options.callTimeoutMs ?? 60_000;
  const random = options.random ?? Math.random;

  const eventListeners = new Set<TransportEventListener>();
  const stateListeners = new Set<TransportStateListener>();
  const pending = new Map<number, Pending>();
  const waitingForOpen = new Set<() => void>();
  let socket: SocketLike | null = null;
  let state: TransportState = 'connecting';
  let nextId = 1;
  let attempt = 0;
  let reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  let closed = false;

  function setState(next: TransportState): void {
    if (next === state) return;
    state = next;
    for (const listener of stateListeners) listener(next);
  }

  function connect(): void {
    if (closed) return;
    const ws = createSocket(options.url);
    socket = ws;
    ws.onopen = () => {
      if (socket !== ws) return;
      attempt = 0;
      setState('online');
      for (const wake of waitingForOpen) wake();
      waitingForOpen.clear();
    };
    ws.onmessage = (event) => {
      if (socket === ws && typeof event.data === 'string') receive(event.data);
    };
    // An error is always followed by close; reconnecting is handled there only.
    ws.onerror = () => undefined;
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      failAllPending(
        'The connection to Roost closed before it answered; the action may or may not have happened.',
      );
      setState('offline');
      scheduleReconnect();
    };
  }

  function scheduleReconnect(): void {
    if (closed || reconnectTimer) return;
    const ceiling = Math.min(backoff.maxMs, backoff.initialMs * 2 ** attempt);
    attempt += 1;
    // Full jitter keeps many tabs from reconnecting in lockstep after main restarts.
    const delay = Math.max(backoff.initialMs / 2, Math.round(random() * ceiling));
    reconnectTimer = setTimeout(() => {
      reconnectTimer = null;
      connect();
    }, delay);
  }

  function receive(data: string): void {
    let frame: unknown;
    try {
      frame = JSON.parse(data);
    } catch {
      return;
    }
    if (typeof frame !== 'object' || frame === null) return;
    const f = frame as Record<string, unknown>;
    if (f.kind === 'result' && typeof f.id === 'number') {
      const entry = pending.get(f.id);
      if (!entry) return;
      pending.delete(f.id);
      clearTimeout(entry.timer);
      // The client checks the result's shape against the contract.
      entry.resolve(f.result as Result<unknown>);
    } else if (f.kind === 'event' && typeof f.name === 'string') {
      for (const listener of eventListeners) listener(f.name, f.payload);
    }
  }

  function failAllPending(message: string): void {
    for (const [id, entry] of pending) {
      clearTimeout(entry.timer);
      entry.resolve(unreachable(message));
      pending.delete(id);
    }
  }

  function waitForOpen(): Promise<boolean> {
    if (socket?.readyState === OPEN) return Promise.resolve(true);
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        resolve(true);
      };
      const timer = setTimeout(() => {
        waitingForOpen.delete(wake);
        resolve(false);
      }, offlineWaitMs);
      waitingForOpen.add(wake);
    });
  }

  connect();

  return {
    kind: 'browser',
    async request(method: RequestMethod, input: unknown): Promise<Result<unknown>> {
      if (closed) return unreachable('Roost is shutting down.');
      const open = await waitForOpen();
      const ws = socket;
      if (!open || !ws || ws.readyState !== OPEN) {
        return unreachable('Roost’s main process cannot be reached right now.');
      }
      const id = nextId++;
      const frame: RequestFrame = { kind: 'request', id, method, input };
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          resolve(unreachable('Roost’s main process did not answer in time.'));
        }, callTimeoutMs);
        pending.set(id, { resolve, timer });
        try {
          ws.send(JSON.stringify(frame));
        } catch {
          pending.delete(id);
          clearTimeout(timer);
          resolve(unreachable('The request could not be sent.'));
        }
      });
    },
    onEvent(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    state: () => state,
    onState(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    close() {
      closed = true;
      if (reconnectTimer) clearTimeout(reconnectTimer);
      failAllPending('Roost is shutting down.');
      const ws = socket;
      socket = null;
      ws?.close();
      setState('offline');
    },
  };
}

function unreachable(message: string): Result<never> {
  return { ok: false, error: { code: 'network_unreachable', message } };
}
