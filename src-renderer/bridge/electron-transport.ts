// Transport over the Electron preload. IPC cannot drop while the window lives, so the state is always online.
import type { RequestMethod } from '../../src-shared/contract/methods.ts';
import type { Result } from '../../src-shared/contract/errors.ts';
import type { PreloadApi, UncheckedPreloadApi } from './preload-api.ts';
import type { Transport } from './transport.ts';

export function createElectronTransport(preload: PreloadApi): Transport {
  // Inputs were typed by the client; answers are validated by it against the contract.
  const api = preload as unknown as UncheckedPreloadApi;
  return {
    kind: 'electron',
    async request(method: RequestMethod, input: unknown): Promise<Result<unknown>> {
      try {
        return await api[method](input);
      } catch {
        // A rejected invoke means the main process went away or the channel is missing.
        return { ok: false, error: { code: 'internal', message: 'The main process did not answer.' } };
      }
    },
    onEvent: (listener) => api.onEvent(listener),
    state: () => 'online',
    onState: () => () => undefined,
    close: () => undefined,
  };
}
