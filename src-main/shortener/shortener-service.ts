// What the contract's shortener:* requests do: settings in main's store, the key in the keychain (read only
// here, never returned), links shortened one server call each and remembered so their clicks can be counted.
import { RoostError } from '../../src-shared/contract/errors.ts';
import { requireHttpsUnlessLoopback } from '../connectors/require-https.ts';
import type {
  ShortenerProvider,
  ShortenerStatus,
  ShortLinkView,
} from '../../src-shared/contract/shortener-contract.ts';
import type { CredentialStore } from '../vault/credential-store.ts';
import type { CreatedLink, ShortenerRepository } from './shortener-repository.ts';
import { createShlinkShortener } from './shlink-shortener.ts';
import { normaliseBaseUrl, type Shortener, type ShortenerOptions } from './shortener.ts';
import { createYourlsShortener } from './yourls-shortener.ts';

/** The keychain entry of the shortener key; account ids are ULIDs, so it cannot collide with one. */
export const SHORTENER_CREDENTIAL_ID = 'service:link-shortener';

export type ShortenerFactory = (provider: ShortenerProvider, options: ShortenerOptions) => Shortener;

export const defaultShortenerFactory: ShortenerFactory = (provider, options) =>
  provider === 'shlink' ? createShlinkShortener(options) : createYourlsShortener(options);

export interface ShortenerServiceDeps {
  readonly repo: ShortenerRepository;
  readonly credentials: CredentialStore;
  readonly fetch: typeof globalThis.fetch;
  readonly factory?: ShortenerFactory;
  readonly timeoutMs?: number;
}

export interface ShortenerService {
  status(): ShortenerStatus;
  configure(input: {
    provider: ShortenerProvider;
    baseUrl: string;
    apiKey: string;
    allowMastodon: boolean;
  }): Promise<ShortenerStatus>;
  setOptions(input: { allowMastodon: boolean }): ShortenerStatus;
  clear(): Promise<{ cleared: boolean }>;
  shorten(urls: readonly string[], network: 'bluesky' | 'mastodon'): Promise<{ links: ShortLinkView[] }>;
  clicks(codes: readonly string[]): Promise<{ counts: { code: string; clicks: number | null }[] }>;
  links(limit: number): CreatedLink[];
}

export function createShortenerService(deps: ShortenerServiceDeps): ShortenerService {
  const factory = deps.factory ?? defaultShortenerFactory;
  const options = (baseUrl: string, apiKey: string): ShortenerOptions => ({
    baseUrl,
    apiKey,
    fetch: deps.fetch,
    ...(deps.timeoutMs ? { timeoutMs: deps.timeoutMs } : {}),
  });

  const status = (): ShortenerStatus => {
    const settings = deps.repo.settings();
    return settings
      ? {
          configured: true,
          provider: settings.provider,
          baseUrl: settings.baseUrl,
          allowMastodon: settings.allowMastodon,
        }
      : { configured: false, provider: null, baseUrl: null, allowMastodon: false };
  };

  /** The configured shortener with its key from the keychain. */
  async function current() {
    const settings = deps.repo.settings();
    if (!settings) throw new RoostError('not_found', 'No link shortener is set up. Add one in Settings.');
    const stored = await deps.credentials.load(SHORTENER_CREDENTIAL_ID);
    if (stored?.kind !== 'api-key') {
      throw new RoostError(
        'auth_failed',
        'The link shortener’s key is no longer in the system keychain. Enter it again in Settings.',
      );
    }
    return { settings, shortener: factory(settings.provider, options(settings.baseUrl, stored.secret)) };
  }

  return {
    status,

    async configure(input) {
      // The API key goes with every call: plain http only to a shortener on this computer.
      requireHttpsUnlessLoopback(input.baseUrl, 'link shortener', 'baseUrl');
      let baseUrl: string;
      try {
        baseUrl = normaliseBaseUrl(input.baseUrl);
      } catch {
        throw new RoostError('invalid_input', 'The server address is not an http(s) address.');
      }
      // Checked before the server call, so a locked keychain is reported before any request leaves.
      await deps.credentials.assertWritable();
      await factory(input.provider, options(baseUrl, input.apiKey)).verify();
      await deps.credentials.save(SHORTENER_CREDENTIAL_ID, { kind: 'api-key', secret: input.apiKey });
      deps.repo.saveSettings({ provider: input.provider, baseUrl, allowMastodon: input.allowMastodon });
      return status();
    },

    setOptions(input) {
      const settings = deps.repo.settings();
      if (!settings) throw new RoostError('not_found', 'No link shortener is set up.');
      deps.repo.saveSettings({ ...settings, allowMastodon: input.allowMastodon });
      return status();
    },

    async clear() {
      // The key goes first: if the keychain refuses, the settings stay and the user can try again.
      await deps.credentials.delete(SHORTENER_CREDENTIAL_ID);
      return { cleared: deps.repo.clearSettings() };
    },

    async shorten(urls, network) {
      const { settings, shortener } = await current();
      if (network === 'mastodon' && !settings.allowMastodon) {
        throw new RoostError('forbidden', 'Shortening links for Mastodon is turned off in Settings.');
      }
      const origin = new URL(settings.baseUrl).origin;
      const links: ShortLinkView[] = [];
      for (const longUrl of new Set(urls)) {
        // A link already on the shortener is left as it is: shortening it again would make a redirect loop.
        if (new URL(longUrl).origin === origin) continue;
        const known = deps.repo.findByLongUrl(settings.baseUrl, longUrl);
        const link = known ?? (await shortener.shorten(longUrl));
        if (!known) deps.repo.remember(settings.baseUrl, settings.provider, link);
        links.push({ longUrl, shortUrl: link.shortUrl, code: link.code });
      }
      return { links };
    },

    async clicks(codes) {
      const { settings, shortener } = await current();
      const counts: { code: string; clicks: number | null }[] = [];
      for (const code of new Set(codes)) {
        if (!deps.repo.findByCode(settings.baseUrl, code)) {
          counts.push({ code, clicks: null });
          continue;
        }
        const clicks = await shortener.clicks(code);
        deps.repo.recordClicks(settings.baseUrl, code, clicks);
        counts.push({ code, clicks });
      }
      return { counts };
    },

    links(limit) {
      const settings = deps.repo.settings();
      return settings ? deps.repo.list(settings.baseUrl, limit) : [];
    },
  };
}
