// Plain text from feed HTML, for column cards and search: tags dropped, block elements become line breaks,
// entities decoded. A linear scan rather than regular expressions, so a hostile 5 MB description stays cheap.
// The HTML itself is kept separately and sanitised by the renderer; nothing here makes HTML safe to render.

const BLOCKS = new Set([
  'p',
  'div',
  'section',
  'article',
  'header',
  'footer',
  'blockquote',
  'pre',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'table',
  'tr',
  'figure',
  'figcaption',
  'hr',
  'aside',
  'nav',
]);
// Elements whose content is never readable text.
const SKIPPED = new Set([
  'script',
  'style',
  'template',
  'noscript',
  'head',
  'title',
  'svg',
  'math',
  'iframe',
  'object',
]);

const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  copy: '©',
  reg: '®',
  trade: '™',
  euro: '€',
  pound: '£',
  yen: '¥',
  cent: '¢',
  sect: '§',
  deg: '°',
  middot: '·',
  bull: '•',
  times: '×',
  eacute: 'é',
  egrave: 'è',
  ecirc: 'ê',
  agrave: 'à',
  acirc: 'â',
  ccedil: 'ç',
  ocirc: 'ô',
  ugrave: 'ù',
  icirc: 'î',
  iuml: 'ï',
  euml: 'ë',
  uuml: 'ü',
  ouml: 'ö',
  auml: 'ä',
  szlig: 'ß',
  Eacute: 'É',
  Agrave: 'À',
  shy: '',
  zwj: '\u200d',
  zwnj: '\u200c',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z][a-z0-9]{1,31});/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code =
        body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      // Lone surrogates, NUL and out-of-range points would make invalid strings; show the replacement char.
      if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
      return String.fromCodePoint(code);
    }
    return NAMED[body] ?? whole;
  });
}

export function htmlToText(html: string, maxLength = 200_000): string {
  const lower = html.toLowerCase();
  const parts: string[] = [];
  let length = 0;
  let i = 0;
  const push = (piece: string): void => {
    parts.push(piece);
    length += piece.length;
  };
  while (i < html.length && length <= maxLength) {
    const lt = html.indexOf('<', i);
    if (lt === -1) {
      push(decodeEntities(html.slice(i)));
      break;
    }
    if (lt > i) push(decodeEntities(html.slice(i, lt)));
    // As in HTML, a `<` that cannot start a tag (`I <3 feeds`, `a < b`) is text, not the start of markup.
    if (!startsMarkup(html.charCodeAt(lt + 1))) {
      push('<');
      i = lt + 1;
      continue;
    }
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end === -1 ? html.length : end + 3;
      continue;
    }
    const gt = html.indexOf('>', lt + 1);
    if (gt === -1) break; // an unterminated tag: nothing after it is text
    const match = /^<(\/?)\s*([a-z][a-z0-9-]*)/i.exec(html.slice(lt, Math.min(gt + 1, lt + 64)));
    const closing = match?.[1] === '/';
    const name = match?.[2]?.toLowerCase() ?? '';
    i = gt + 1;
    if (!closing && SKIPPED.has(name) && html[gt - 1] !== '/') {
      const end = lower.indexOf(`</${name}`, i);
      const endGt = end === -1 ? -1 : html.indexOf('>', end);
      i = endGt === -1 ? html.length : endGt + 1;
      continue;
    }
    if (name === 'br') push('\n');
    else if (name === 'li') push(closing ? '' : '\n• ');
    else if (name === 'td' || name === 'th') push(' ');
    else if (BLOCKS.has(name)) push('\n\n');
  }
  return tidy(parts.join('')).slice(0, maxLength);
}

/** A letter, `/`, `!` or `?` after `<` opens a tag, end tag, comment or declaration. */
function startsMarkup(code: number): boolean {
  const lower = code | 0x20;
  return (lower >= 0x61 && lower <= 0x7a) || code === 0x2f || code === 0x21 || code === 0x3f;
}

// Inline elements some feeds put in titles and names; only these are dropped there, so that text such as
// `Option<T> in Rust` keeps its angle brackets.
const INLINE_TAG =
  /<\/?(?:a|abbr|b|bdi|bdo|br|cite|code|del|dfn|em|i|ins|kbd|mark|q|s|samp|small|span|strong|sub|sup|time|u|var|wbr)(?:\s[^<>]*)?\/?>/gi;

/**
 * A feed's title or a name, which the feed parser has already decoded once: shown as written, with only
 * stray inline tags dropped and whitespace folded. Decoding or stripping it as HTML again would lose every
 * literal `<` and `&`.
 */
export function feedText(value: string, maxLength: number): string {
  return value.replace(INLINE_TAG, '').replace(/\s+/g, ' ').trim().slice(0, maxLength);
}

function tidy(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[^\S\n]+/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
