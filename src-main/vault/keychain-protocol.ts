// Messages between the main process and the keychain worker process (see keychain-worker.ts).
import type {
  KeychainDelete,
  KeychainFind,
  KeychainRead,
  KeychainStatus,
  KeychainWrite,
} from './keychain.ts';

export type WorkerOp =
  | { readonly op: 'get'; readonly service: string; readonly account: string }
  | { readonly op: 'set'; readonly service: string; readonly account: string; readonly password: string }
  | { readonly op: 'delete'; readonly service: string; readonly account: string }
  | { readonly op: 'find'; readonly service: string }
  | { readonly op: 'status'; readonly service: string };

export interface WorkerResults {
  readonly get: KeychainRead;
  readonly set: KeychainWrite;
  readonly delete: KeychainDelete;
  readonly find: KeychainFind;
  readonly status: KeychainStatus;
}

export type WorkerResult = WorkerResults[keyof WorkerResults];

export interface WorkerRequest {
  readonly id: number;
  readonly request: WorkerOp;
}

export interface WorkerResponse {
  readonly id: number;
  readonly result: WorkerResult;
}

export function isWorkerResponse(message: unknown): message is WorkerResponse {
  if (typeof message !== 'object' || message === null) return false;
  const { id, result } = message as { id?: unknown; result?: unknown };
  return (
    typeof id === 'number' &&
    typeof result === 'object' &&
    result !== null &&
    typeof (result as { state?: unknown }).state === 'string'
  );
}
