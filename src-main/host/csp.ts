// Roost's Content-Security-Policy, sent as a response header by both hosts (Electron's app:// protocol and
// the browser-mode server): a <meta> policy would not cover Web Workers.

/** Extra sources must be bare source expressions; anything that could start a new directive is refused. */
const SOURCE_EXPRESSION = /^[^\s;,'"]+$/;

export interface CspOptions {
  /** Added to connect-src, e.g. the browser-mode host's `ws://127.0.0.1:PORT`. */
  readonly connectSrc?: readonly string[];
}

export function contentSecurityPolicy(options: CspOptions = {}): string {
  const extraConnect = options.connectSrc ?? [];
  for (const source of extraConnect) {
    if (!SOURCE_EXPRESSION.test(source))
      throw new Error(`Invalid connect-src source: ${JSON.stringify(source)}`);
  }
  const directives: readonly (readonly [string, readonly string[]])[] = [
    ['default-src', ["'none'"]],
    ['script-src', ["'self'"]],
    ['worker-src', ["'self'"]],
    ['style-src', ["'self'"]],
    // Avatars and media come from any network host; the local sandbox serves them on loopback.
    ['img-src', ["'self'", 'data:', 'https:', 'http://127.0.0.1:*', 'http://localhost:*']],
    ['font-src', ["'self'"]],
    ['connect-src', ["'self'", ...extraConnect]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
    ['object-src', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

/** The policy of the Electron app, whose renderer talks to main over IPC only. */
export const APP_CONTENT_SECURITY_POLICY = contentSecurityPolicy();
