// What the streaming client needs from a WebSocket: the `ws` implementation (ws-socket.ts) and test doubles
// both provide it, so neither side of the client imports the other.

export interface SocketHandlers {
  open(): void;
  message(data: string): void;
  close(): void;
  /** `httpStatus` is set when the server refused the upgrade (401 = bad token). */
  error(error: Error, httpStatus: number | null): void;
  pong(): void;
}
export interface StreamSocket {
  ping(): void;
  close(): void;
}
export type SocketFactory = (
  url: string,
  headers: Readonly<Record<string, string>>,
  handlers: SocketHandlers,
) => StreamSocket;
