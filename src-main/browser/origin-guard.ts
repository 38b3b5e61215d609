// Checks that a browser-mode request comes from Roost's own page on loopback: the Host header must
// name the host's own address (defeats DNS rebinding), the Origin must be that same address (defeats
// other pages in the same browser), and the per-launch token must match (defeats other local users).
import { timingSafeEqual } from 'node:crypto';

export interface OriginGuard {
  /** Host header values accepted, e.g. `127.0.0.1:5123`. */
  readonly allowedHosts: readonly string[];
  checkHost(host: string | undefined): boolean;
  checkOrigin(origin: string | undefined): boolean;
  checkToken(token: string | null | undefined): boolean;
}

export function createOriginGuard(port: number, token: string): OriginGuard {
  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  const allowedOrigins = new Set(allowedHosts.map((host) => `http://${host}`));
  const expected = Buffer.from(token, 'utf8');
  return {
    allowedHosts,
    checkHost: (host) => host !== undefined && allowedHosts.includes(host.toLowerCase()),
    checkOrigin: (origin) => origin !== undefined && allowedOrigins.has(origin.toLowerCase()),
    checkToken(candidate) {
      if (typeof candidate !== 'string') return false;
      const given = Buffer.from(candidate, 'utf8');
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}
