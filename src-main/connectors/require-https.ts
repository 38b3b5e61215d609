// Plain http only for this computer: a Bluesky server, a Mastodon instance or a link shortener elsewhere
// would receive passwords, tokens or API keys readable by anyone on the network path.
import { RoostError } from '../../src-shared/contract/errors.ts';
import { hostScope } from '../../src-shared/net/address-scope.ts';

/**
 * The parsed URL when it is https, or http to loopback (the local sandbox); otherwise invalid_input naming
 * `field`, the request field the address came from, so the form can point at it.
 */
export function requireHttpsUnlessLoopback(raw: string, what: string, field?: string): URL {
  const refuse = (message: string): RoostError =>
    new RoostError('invalid_input', message, field ? [{ path: field, message }] : undefined);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw refuse(`The ${what} address is not a valid URL.`);
  }
  if (url.protocol === 'https:') return url;
  if (url.protocol !== 'http:') {
    throw refuse(`The ${what} address must start with https://.`);
  }
  if (hostScope(url.hostname) !== 'loopback') {
    throw refuse(
      `The ${what} address must use https://: plain http:// is accepted only for this computer ` +
        `(localhost, 127.0.0.1, [::1]), since anyone on the network path could read what is sent.`,
    );
  }
  return url;
}
