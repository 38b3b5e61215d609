// What the contract client needs from a channel to main. Electron IPC, the browser-mode WebSocket and
// the in-memory double used by component tests all provide exactly this.
import type { Result } from '../../src-shared/contract/errors.ts';
import type { RequestMethod } from '../../src-shared/contract/methods.ts';

export type TransportState = 'connecting' | 'online' | 'offline';
export type TransportEventListener = (name: string, payload: unknown) => void;
export type TransportStateListener = (state: TransportState) => void;

export interface Transport {
  readonly kind: 'electron' | 'browser' | 'memory';
  /** Never rejects: failures come back as `{ ok: false }`. The value is unchecked until the client parses it. */
  request(method: RequestMethod, input: unknown): Promise<Result<unknown>>;
  onEvent(listener: TransportEventListener): () => void;
  state(): TransportState;
  onState(listener: TransportStateListener): () => void;
  close(): void;
}
