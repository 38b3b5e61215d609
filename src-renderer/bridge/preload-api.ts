// `window.roost` as the renderer sees it. The preload's shape is defined once in src-shared
// (RoostPreloadApi); the renderer still validates every answer, so it reads results as unknown here.
import type { RoostPreloadApi } from '../../src-shared/contract/preload-api.ts';
import type { Result } from '../../src-shared/contract/errors.ts';
import type { RequestMethod } from '../../src-shared/contract/methods.ts';

export type PreloadApi = RoostPreloadApi;

/** The untyped view the transport uses: any method, any input, an answer still to be checked. */
export type UncheckedPreloadApi = {
  readonly [M in RequestMethod]: (input: unknown) => Promise<Result<unknown>>;
} & { readonly onEvent: (listener: (name: string, payload: unknown) => void) => () => void };

declare global {
  interface Window {
    readonly roost?: PreloadApi;
  }
}
