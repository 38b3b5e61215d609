// The shape the Electron preload exposes as `window.roost`: one function per contract method plus an
// event subscription. Nothing else crosses the context bridge.
import type { Result } from '../../src-shared/contract/errors.ts';
import type { RequestMethod } from '../../src-shared/contract/methods.ts';

export type PreloadApi = {
  readonly [M in RequestMethod]: (input: unknown) => Promise<Result<unknown>>;
} & {
  /** Returns a function that removes the listener. */
  readonly onEvent: (listener: (name: string, payload: unknown) => void) => () => void;
};

declare global {
  interface Window {
    readonly roost?: PreloadApi;
  }
}
