// Plain http only for this computer: a Bluesky server, a Mastodon instance or a link shortener elsewhere
// would receive passwords, tokens or API keys readable by anyone on the network path.
import { RoostError } from '../../src-shared/contract/errors.ts';
import { hostScope } from '../../src-shared/net/address-scope.ts';

/** The parsed URL when it is https, or http to loopback (the local sandbox); otherwise invalid_input. */
export function requireHttpsUnlessLoopback(raw: string, what: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new RoostError('invalid_input', `The ${what} address is not a valid URL.`);
  }
  if (url.protocol === 'https:') return url;
  if (url.protocol !== 'http:') {
    throw new RoostError('invalid_input', `The ${what} address must start with https://.`);
  }
  if (hostScope(url.hostname) !== 'loopback') {
    throw new RoostError(
      'invalid_input',
      `The ${what} address must use https://: plain http:// is accepted only for this computer ` +
        `(localhost, 127.0.0.1, [::1]), since anyone on the network path could read what is sent.`,
    );
  }
  return url;
}
