// The contract handlers about the app itself: version and mode (app:*) and the keychain's state (vault:*).
import type { Handlers } from '../rpc/router.ts';
import type { CredentialStore } from '../vault/credential-store.ts';
import { linuxDesktop } from '../vault/linux-desktop.ts';
import type { AppLanguage } from './app-language.ts';
import type { MainServicesOptions } from './types.ts';

type AppMethod = Extract<keyof Handlers, `app:${string}` | `vault:${string}`>;

export function appHandlers(deps: {
  readonly options: MainServicesOptions;
  readonly credentials: CredentialStore;
  /** The renderer's language, which the tray and native menu follow. */
  readonly language: AppLanguage;
}): Pick<Handlers, AppMethod> {
  const { options, credentials, language } = deps;
  return {
    'app:info': () => ({ version: options.version, mode: options.mode, platform: process.platform }),
    'app:ready': () => ({ queued: 0 }),
    'app:setLanguage': (input) => {
      language.set(input.language);
      return {};
    },
    'vault:status': async () => ({
      ...(await credentials.status()),
      privateKeyring: Boolean(options.privateKeyringEnv),
      desktop: linuxDesktop(process.platform, process.env.XDG_CURRENT_DESKTOP),
    }),
  };
}
