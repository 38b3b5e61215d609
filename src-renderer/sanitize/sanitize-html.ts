// Turns untrusted post HTML (Mastodon statuses, RSS bodies) into markup safe to insert: a strict allowlist
// of text elements, links only to http(s) and always opening outside with no opener.
import DOMPurify from 'dompurify';
import { safeHttpUrl } from './safe-url.ts';

const ALLOWED_TAGS = ['p', 'br', 'a', 'span', 'strong', 'em', 'ul', 'ol', 'li', 'blockquote', 'code', 'pre'];
const ALLOWED_ATTR = ['href'];

type Purifier = ReturnType<typeof DOMPurify>;
let purifier: Purifier | null = null;

function instance(): Purifier {
  if (purifier) return purifier;
  // A private instance, so the hooks below never leak into other users of DOMPurify.
  const p = DOMPurify(window);
  p.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName !== 'A') return;
    const href = safeHttpUrl(node.getAttribute('href'));
    if (href) {
      node.setAttribute('href', href);
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    } else {
      node.removeAttribute('href');
    }
  });
  purifier = p;
  return p;
}

export function sanitizeHtml(html: string): string {
  return instance().sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    ALLOW_UNKNOWN_PROTOCOLS: false,
    KEEP_CONTENT: true,
    RETURN_TRUSTED_TYPE: false,
    FORBID_TAGS: [
      'style',
      'svg',
      'math',
      'form',
      'input',
      'textarea',
      'button',
      'iframe',
      'object',
      'embed',
      'template',
      'noscript',
    ],
    FORBID_ATTR: ['style', 'class', 'id', 'srcset', 'src'],
  });
}
