// Browser mode receives its per-launch token in the URL fragment. It is taken out of the visible URL at
// once (so it is not shared by copying the address) and kept in sessionStorage so a reload still works.
import { TOKEN_FRAGMENT_KEY, TOKEN_QUERY_KEY, RPC_PATH } from '../../src-shared/contract/wire.ts';

const STORAGE_KEY = 'roost.rpcToken';

export interface TokenEnvironment {
  readonly location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  readonly history: Pick<History, 'replaceState' | 'state'>;
  readonly storage: Pick<Storage, 'getItem' | 'setItem'>;
}

export function takeToken(env: TokenEnvironment): string | null {
  const fragment = new URLSearchParams(env.location.hash.replace(/^#/, ''));
  const fromUrl = fragment.get(TOKEN_FRAGMENT_KEY);
  if (fromUrl) {
    env.storage.setItem(STORAGE_KEY, fromUrl);
    fragment.delete(TOKEN_FRAGMENT_KEY);
    const rest = fragment.toString();
    env.history.replaceState(
      env.history.state,
      '',
      `${env.location.pathname}${env.location.search}${rest ? `#${rest}` : ''}`,
    );
    return fromUrl;
  }
  return env.storage.getItem(STORAGE_KEY);
}

export function rpcUrl(location: Pick<Location, 'protocol' | 'host'>, token: string): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}${RPC_PATH}?${TOKEN_QUERY_KEY}=${encodeURIComponent(token)}`;
}
