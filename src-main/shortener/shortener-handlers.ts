// The contract handlers for shortener:*, built on main's store and credential store, so main's services
// wire the whole feature with one spread.
import type { Handlers } from '../rpc/router.ts';
import type { CredentialStore } from '../vault/credential-store.ts';
import type { MainStore } from '../store/main-store.ts';
import { createShortenerRepository } from './shortener-repository.ts';
import { createShortenerService, type ShortenerService } from './shortener-service.ts';

type ShortenerMethod = Extract<keyof Handlers, `shortener:${string}`>;

export function shortenerHandlers(service: ShortenerService): Pick<Handlers, ShortenerMethod> {
  return {
    'shortener:status': () => service.status(),
    'shortener:configure': (input) => service.configure(input),
    'shortener:setOptions': (input) => service.setOptions(input),
    'shortener:clear': () => service.clear(),
    'shortener:shorten': (input) => service.shorten(input.urls, input.network),
    'shortener:clicks': (input) => service.clicks(input.codes),
    'shortener:links': (input) => service.links(input.limit),
  };
}

export function createShortenerHandlers(deps: {
  readonly store: MainStore;
  readonly credentials: CredentialStore;
  readonly fetch: typeof globalThis.fetch;
}): Pick<Handlers, ShortenerMethod> {
  return shortenerHandlers(
    createShortenerService({
      repo: createShortenerRepository(deps.store),
      credentials: deps.credentials,
      fetch: deps.fetch,
    }),
  );
}
