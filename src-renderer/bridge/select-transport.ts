// Picks the transport at startup: the Electron preload when present, otherwise browser mode's WebSocket.
import { createElectronTransport } from './electron-transport.ts';
import { createWebSocketTransport } from './websocket-transport.ts';
import { rpcUrl, takeToken } from './token.ts';
import type { Transport } from './transport.ts';

export function selectTransport(win: Window): Transport {
  if (win.roost) return createElectronTransport(win.roost);
  const token = takeToken({ location: win.location, history: win.history, storage: win.sessionStorage });
  // Without a token the host refuses the socket; the transport then reports offline, which the UI shows.
  return createWebSocketTransport({ url: rpcUrl(win.location, token ?? '') });
}
