// Frames exchanged over the browser-mode WebSocket host. Electron IPC carries the same request/result
// pairs through ipcRenderer.invoke, so only this transport needs framing.
import type { Result } from './errors.ts';

/** renderer → main */
export interface RequestFrame {
  readonly kind: 'request';
  readonly id: number;
  readonly method: string;
  readonly input: unknown;
}

/** main → renderer: the answer to one request. */
export interface ResultFrame {
  readonly kind: 'result';
  /** null when the request frame was too malformed to carry a usable id. */
  readonly id: number | null;
  readonly result: Result<unknown>;
}

/** main → renderer: a pushed event. */
export interface EventFrame {
  readonly kind: 'event';
  readonly name: string;
  readonly payload: unknown;
}

export type ServerFrame = ResultFrame | EventFrame;

/** Largest frame the host accepts; anything bigger is refused before parsing. It must hold `media:upload`'s
 *  largest image in base64 (about 2.8 MB) with room for the frame around it. */
export const MAX_FRAME_BYTES = 4 * 1024 * 1024;

/** Browser mode passes the per-launch token in the page URL's fragment (never sent to a server log). */
export const TOKEN_FRAGMENT_KEY = 'token';
/** ...and the renderer hands it to the host as this query parameter on the WebSocket URL. */
export const TOKEN_QUERY_KEY = 'token';
export const RPC_PATH = '/rpc';
