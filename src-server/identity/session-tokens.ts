// Short-lived session tokens: `base64url(JSON claims).base64url(HMAC-SHA256)`, signed with a key kept outside
// the database. The signature proves the server issued the claims; the session row (checked on every request)
// is what revocation ends, so a valid signature alone never outlives a revoked member or device.
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface SessionClaims {
  readonly sid: string;
  readonly mid: string;
  readonly did: string;
  /** Expiry, ms since the epoch. */
  readonly exp: number;
}

export const SESSION_TTL_MS = 15 * 60 * 1000;

export interface SessionTokens {
  sign(claims: SessionClaims): string;
  /** The claims when the signature is ours and the token has not expired at `now`; null otherwise. */
  verify(token: string, now: number): SessionClaims | null;
}

export function createSessionTokens(key: Buffer): SessionTokens {
  if (key.length < 32) throw new RangeError('the session signing key must be at least 32 bytes');
  const mac = (payload: string) => createHmac('sha256', key).update(payload).digest();
  return {
    sign(claims) {
      const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
      return `${payload}.${mac(payload).toString('base64url')}`;
    },
    verify(token, now) {
      if (token.length > 1024) return null;
      const [payload, signature, extra] = token.split('.');
      if (!payload || !signature || extra !== undefined) return null;
      const given = Buffer.from(signature, 'base64url');
      const expected = mac(payload);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
      const claims = parseClaims(Buffer.from(payload, 'base64url').toString('utf8'));
      return claims && claims.exp > now ? claims : null;
    },
  };
}

function parseClaims(json: string): SessionClaims | null {
  try {
    const value = JSON.parse(json) as Partial<SessionClaims>;
    const ok =
      typeof value.sid === 'string' &&
      typeof value.mid === 'string' &&
      typeof value.did === 'string' &&
      typeof value.exp === 'number';
    return ok ? (value as SessionClaims) : null;
  } catch {
    return null;
  }
}
