// Punycode (RFC 3492) decoding, so an `xn--` label can be shown and compared as the letters a reader sees.
// The userland `punycode` package, imported by file: the bare name 'punycode' is Node's deprecated built-in.
import punycode from 'punycode/punycode.js';

/** Decodes the part after `xn--`; null when it is not valid Punycode. */
export function decodePunycode(input: string): string | null {
  try {
    return punycode.decode(input);
  } catch {
    // The package throws RangeError on non-basic code points, bad digits and overflow.
    return null;
  }
}

/** `xn--mnchen-3ya.de` → `münchen.de`; labels that do not decode are kept as written. */
export function hostToUnicode(host: string): string {
  return host
    .split('.')
    .map((label) => {
      if (!label.toLowerCase().startsWith('xn--')) return label;
      return decodePunycode(label.slice(4)) ?? label;
    })
    .join('.');
}
