// Reads Mastodon's RFC 8288 `Link` header: rel="next" pages to older items (max_id), rel="prev" to newer (min_id).

export interface PageCursor {
  readonly maxId: string | null;
  readonly minId: string | null;
  readonly sinceId: string | null;
}

export interface PageLinks {
  readonly next: PageCursor | null;
  readonly prev: PageCursor | null;
}

const NO_LINKS: PageLinks = { next: null, prev: null };

export function parseLinkHeader(header: string | null): PageLinks {
  if (!header || header.length > 16_384) return NO_LINKS;
  let next: PageCursor | null = null;
  let prev: PageCursor | null = null;
  for (const match of header.matchAll(/<([^>]*)>([^,<]*)/g)) {
    const rel = /rel\s*=\s*"?([^";,]+)"?/i
      .exec(match[2] ?? '')?.[1]
      ?.trim()
      .toLowerCase();
    const cursor = cursorFromUrl(match[1] ?? '');
    if (!cursor || !rel) continue;
    if (rel === 'next') next = cursor;
    else if (rel === 'prev' || rel === 'previous') prev = cursor;
  }
  return { next, prev };
}

function cursorFromUrl(raw: string): PageCursor | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  const get = (name: string): string | null => {
    const value = url.searchParams.get(name);
    return value && value.length <= 256 ? value : null;
  };
  return { maxId: get('max_id'), minId: get('min_id'), sinceId: get('since_id') };
}
