// Where a Mastodon account's stream may go with its access token: the instance's own host, or the streaming
// host the instance declares when it sits under the same registrable domain (streaming.example.social for
// example.social). Anything else falls back to the instance's own host, which Mastodon also serves
// /api/v1/streaming on, so a refusal costs nothing but the separate host. An https instance streams over wss.

/**
 * Second-level labels under which country TLDs sell names (example.co.uk, example.com.au). Without a Public
 * Suffix List this is a conservative guess: a wrong guess only sends the stream to the instance's own host.
 */
const PUBLIC_SECOND_LEVELS = new Set([
  'ac',
  'co',
  'com',
  'edu',
  'gob',
  'go',
  'gov',
  'ltd',
  'mil',
  'ne',
  'net',
  'nhs',
  'or',
  'org',
  'plc',
  'sch',
]);

function isIpLiteral(host: string): boolean {
  return host.startsWith('[') || /^[\d.]+$/.test(host);
}

/** The last two labels, or three under a country's public second level (`example.co.uk`). */
export function registrableDomain(host: string): string {
  const labels = host.toLowerCase().replace(/\.$/, '').split('.');
  const tld = labels.at(-1) ?? '';
  const second = labels.at(-2) ?? '';
  const take = tld.length === 2 && PUBLIC_SECOND_LEVELS.has(second) ? 3 : 2;
  return labels.slice(-take).join('.');
}

function mayReceiveToken(streamHost: string, instanceHost: string): boolean {
  if (streamHost === instanceHost) return true;
  if (isIpLiteral(streamHost) || isIpLiteral(instanceHost)) return false;
  const site = registrableDomain(instanceHost);
  // A bare public suffix (`co.uk`) is no one's site.
  if (site.split('.').length < 2 || PUBLIC_SECOND_LEVELS.has(site.split('.')[0] ?? '')) return false;
  return streamHost === site || streamHost.endsWith(`.${site}`);
}

/** ws(s):// origin for the account's stream, from the instance origin and its declared `urls.streaming`. */
export function chooseStreamingBase(origin: string, declared: string | undefined): string {
  const instance = new URL(origin);
  const secure = instance.protocol === 'https:';
  const own = `${secure ? 'wss' : 'ws'}://${instance.host}`;
  if (!declared) return own;
  let stream: URL;
  try {
    stream = new URL(declared);
  } catch {
    return own;
  }
  if (!/^(wss?|https?):$/.test(stream.protocol) || stream.username || stream.password) return own;
  if (!mayReceiveToken(stream.hostname.toLowerCase(), instance.hostname.toLowerCase())) return own;
  const tls = secure || stream.protocol === 'wss:' || stream.protocol === 'https:';
  return `${tls ? 'wss' : 'ws'}://${stream.host}`;
}
