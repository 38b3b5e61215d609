// Roost's Content-Security-Policy, sent as a response header by both hosts (Electron's app:// protocol and
// the browser-mode server): a <meta> policy would not cover Web Workers.

/** Extra sources must be bare source expressions; anything that could start a new directive is refused. */
const SOURCE_EXPRESSION = /^[^\s;,'"]+$/;
const LOOPBACK_IMAGES = ['http://127.0.0.1:*', 'http://localhost:*'];

export interface CspOptions {
  /** Added to connect-src, e.g. the browser-mode host's `ws://127.0.0.1:PORT`. */
  readonly connectSrc?: readonly string[];
  /**
   * Lets images load from loopback over plain http. Only browser mode and the unpackaged app need it (the
   * local sandbox serves avatars on 127.0.0.1); in the packaged app a page could otherwise probe local
   * services through image requests.
   */
  readonly loopbackImages?: boolean;
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
    // Avatars and media come from any network host over https.
    ['img-src', ["'self'", 'data:', 'https:', ...(options.loopbackImages ? LOOPBACK_IMAGES : [])]],
    ['font-src', ["'self'"]],
    ['connect-src', ["'self'", ...extraConnect]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
    ['object-src', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

/** The policy of the packaged Electron app, whose renderer talks to main over IPC only. */
export const APP_CONTENT_SECURITY_POLICY = contentSecurityPolicy();

/** The unpackaged app (`npm start`, often against the local sandbox) also shows loopback images. */
export const DEV_APP_CONTENT_SECURITY_POLICY = contentSecurityPolicy({ loopbackImages: true });
