// Where a host points: this machine, a private network, a link-local segment, or the public internet.
// Decides which URLs may use plain http and where a feed may redirect. Takes hosts as WHATWG URL parsing
// leaves them (main parses), so the many spellings of an IPv4 address (`2130706433`, `0x7f.1`) arrive here
// as dotted quads.
export type AddressScope = 'loopback' | 'private' | 'link-local' | 'public';

/** `hostname` as `URL.hostname` gives it (IPv6 inside brackets). Names other than `localhost` are public. */
export function hostScope(hostname: string): AddressScope {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return 'loopback';
  if (host.startsWith('[') && host.endsWith(']')) return ipv6Scope(host.slice(1, -1));
  const v4 = parseIpv4(host);
  return v4 ? ipv4Scope(v4) : 'public';
}

/** Scope of a bare IP address as a resolver returns it (no brackets). */
export function ipAddressScope(address: string): AddressScope {
  return address.includes(':')
    ? ipv6Scope(address.toLowerCase())
    : ipv4Scope(parseIpv4(address) ?? [1, 1, 1, 1]);
}

function parseIpv4(host: string): [number, number, number, number] | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return null;
  return parts as [number, number, number, number];
}

function ipv4Scope([a, b]: readonly number[]): AddressScope {
  if (a === 127) return 'loopback';
  if (a === 169 && b === 254) return 'link-local';
  if (a === 10 || a === 0) return 'private';
  if (a === 172 && b !== undefined && b >= 16 && b <= 31) return 'private';
  if (a === 192 && b === 168) return 'private';
  // Carrier-grade NAT space is as unreachable from outside as RFC 1918.
  if (a === 100 && b !== undefined && b >= 64 && b <= 127) return 'private';
  return 'public';
}

function ipv6Scope(address: string): AddressScope {
  const groups = expandIpv6(address);
  if (!groups) return 'public';
  if (groups.slice(0, 7).every((g) => g === 0) && (groups[7] === 1 || groups[7] === 0)) {
    return groups[7] === 1 ? 'loopback' : 'private';
  }
  // IPv4-mapped (::ffff:a.b.c.d) reaches the IPv4 host it embeds.
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    const hi = groups[6] ?? 0;
    const lo = groups[7] ?? 0;
    return ipv4Scope([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);
  }
  const first = groups[0] ?? 0;
  if ((first & 0xffc0) === 0xfe80) return 'link-local';
  if ((first & 0xfe00) === 0xfc00) return 'private';
  return 'public';
}

function expandIpv6(address: string): number[] | null {
  let text = address.split('%', 1)[0] ?? '';
  // A trailing dotted quad (::ffff:127.0.0.1, as resolvers may print it) becomes two groups.
  const quad = /(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})$/.exec(text);
  if (quad) {
    const v4 = parseIpv4(quad[1] ?? '');
    if (!v4) return null;
    text = `${text.slice(0, -(quad[1] ?? '').length)}${((v4[0] << 8) | v4[1]).toString(16)}:${((v4[2] << 8) | v4[3]).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const parse = (part: string): number[] | null => {
    if (part === '') return [];
    const groups = part.split(':').map((g) => (/^[0-9a-f]{1,4}$/.test(g) ? parseInt(g, 16) : NaN));
    return groups.some(Number.isNaN) ? null : groups;
  };
  const head = parse(halves[0] ?? '');
  const tail = halves.length === 2 ? parse(halves[1] ?? '') : [];
  if (!head || !tail) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  return [...head, ...new Array<number>(missing).fill(0), ...tail];
}
