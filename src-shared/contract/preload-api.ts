// The shape of `window.roost` in Electron: one function per contract request plus an event subscription.
// The preload ends with `satisfies RoostPreloadApi`, so it cannot drift from the contract.
import type { Result } from './errors.ts';
import type { EventPayload, RequestInput, RequestOutput } from './contract.ts';
import type { EventName, RequestMethod } from './methods.ts';

/** The one IPC channel main uses to push contract events to the window. */
export const EVENT_CHANNEL = 'roost:event';

/** Arguments narrow together: checking `name` types `payload`. */
export type RoostEventArgs = { [E in EventName]: [name: E, payload: EventPayload<E>] }[EventName];
export type RoostEventListener = (...args: RoostEventArgs) => void;

export type RoostRequestFunctions = {
  readonly [M in RequestMethod]: (input: RequestInput<M>) => Promise<Result<RequestOutput<M>>>;
};

export type RoostPreloadApi = RoostRequestFunctions & {
  /** Listens to every contract event; returns a function that stops listening. */
  readonly onEvent: (listener: RoostEventListener) => () => void;
};
