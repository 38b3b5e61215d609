// The Content-Security-Policy both hosts send: strict defaults, and no way to inject a directive.
import { describe, expect, it } from 'vitest';
import {
  APP_CONTENT_SECURITY_POLICY,
  DEV_APP_CONTENT_SECURITY_POLICY,
  contentSecurityPolicy,
} from '../../../src-main/rpc/csp.ts';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe('contentSecurityPolicy', () => {
  it('is the documented policy', () => {
    expect(APP_CONTENT_SECURITY_POLICY).toBe(
      "default-src 'none'; script-src 'self'; worker-src 'self'; style-src 'self'; " +
        "img-src 'self' data: https:; font-src 'self'; " +
        "connect-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'; frame-ancestors 'none'",
    );
  });

  it('allows no inline or evaluated script anywhere', () => {
    expect(APP_CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|wasm-unsafe-eval|blob:/);
    const parsed = directives(APP_CONTENT_SECURITY_POLICY);
    for (const sources of parsed.values()) expect(sources).not.toContain('*');
    expect(parsed.get('script-src')).toEqual(["'self'"]);
    expect(parsed.get('worker-src')).toEqual(["'self'"]);
  });

  it('allows loopback images only when asked (browser mode, the unpackaged app), never in the packaged app', () => {
    expect(directives(APP_CONTENT_SECURITY_POLICY).get('img-src')).toEqual(["'self'", 'data:', 'https:']);
    expect(APP_CONTENT_SECURITY_POLICY).not.toMatch(/127\.0\.0\.1|localhost|http:/);
    expect(directives(DEV_APP_CONTENT_SECURITY_POLICY).get('img-src')).toEqual([
      "'self'",
      'data:',
      'https:',
      'http://127.0.0.1:*',
      'http://localhost:*',
    ]);
  });

  it('adds extra connect-src sources for the browser-mode host', () => {
    const policy = directives(contentSecurityPolicy({ connectSrc: ['ws://127.0.0.1:43125'] }));
    expect(policy.get('connect-src')).toEqual(["'self'", 'ws://127.0.0.1:43125']);
    expect(policy.get('script-src')).toEqual(["'self'"]);
  });

  it.each(["ws://127.0.0.1:1; script-src 'unsafe-inline'", 'ws://a ws://b', "'unsafe-eval'", 'ws://a,b', ''])(
    'refuses a connect-src entry that could change the policy: %j',
    (source) => {
      expect(() => contentSecurityPolicy({ connectSrc: [source] })).toThrow(/Invalid connect-src/);
    },
  );
});
