// Where the server may listen: loopback freely; any other address only with TLS, because session tokens and
// team data would otherwise cross the network in clear text.
import { readFileSync } from 'node:fs';

export interface TlsFiles {
  readonly certPath: string;
  readonly keyPath: string;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export class ListenPolicyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ListenPolicyError';
  }
}

export function isLoopback(host: string): boolean {
  return LOOPBACK.has(host.toLowerCase()) || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** Returns the TLS material to use, or null for plain HTTP on loopback; throws a ListenPolicyError otherwise. */
export function checkListenAddress(
  host: string,
  tls: TlsFiles | undefined,
): { cert: Buffer; key: Buffer } | null {
  if (!tls) {
    if (isLoopback(host)) return null;
    throw new ListenPolicyError(
      `Refusing to listen on ${host} without TLS: team sessions would travel in clear text. ` +
        'Pass --tls-cert and --tls-key, or listen on 127.0.0.1 behind a TLS proxy.',
    );
  }
  try {
    return { cert: readFileSync(tls.certPath), key: readFileSync(tls.keyPath) };
  } catch (error) {
    throw new ListenPolicyError(`Cannot read the TLS files: ${(error as Error).message}`);
  }
}
