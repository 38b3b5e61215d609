// The default SocketFactory for streaming: the `ws` package, which (unlike the WHATWG WebSocket) can send
// the Authorization header Mastodon recommends instead of a token in the query string.
import WebSocket from 'ws';
import type { SocketFactory } from './stream-socket.ts';

export const wsSocketFactory: SocketFactory = (url, headers, handlers) => {
  const socket = new WebSocket(url, { headers, handshakeTimeout: 15_000, maxPayload: 4 * 1024 * 1024 });
  let refused = false;
  socket.on('open', () => handlers.open());
  socket.on('message', (data, isBinary) => {
    if (!isBinary) handlers.message(data.toString());
  });
  socket.on('pong', () => handlers.pong());
  socket.on('unexpected-response', (_request, response) => {
    refused = true;
    handlers.error(
      new Error(`the server refused the connection (HTTP ${response.statusCode ?? 0})`),
      response.statusCode ?? null,
    );
    socket.terminate();
  });
  socket.on('error', (error) => {
    if (!refused) handlers.error(error, null);
  });
  socket.on('close', () => {
    if (!refused) handlers.close();
  });
  return {
    ping: () => socket.ping(),
    close: () => socket.terminate(),
  };
};
