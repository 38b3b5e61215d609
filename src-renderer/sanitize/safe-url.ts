// URLs from network content reach href and src attributes only through here: parsed with `new URL` and
// kept only for http(s), so javascript:, data:, vbscript: and look-alikes never reach the DOM.
const ALLOWED = new Set(['http:', 'https:']);

/** The normalised URL when it is absolute http(s), otherwise null. */
export function safeHttpUrl(raw: string | null | undefined): string | null {
  if (!raw) return null;
  // Control characters and whitespace inside a scheme are how "java\tscript:" slips past naive checks.
  const trimmed = raw.trim();
  if (trimmed.length > 4_096) return null;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return null;
  }
  if (!ALLOWED.has(url.protocol)) return null;
  if (url.username || url.password) return null;
  return url.href;
}
