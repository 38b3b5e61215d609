// Positions and gaps. Bluesky pages backwards with an opaque cursor; Roost's `since` is the newest item it
// holds, encoded as "<indexedAt> <item key>" so a page can tell whether it reached what is already held.
import type { StreamItem } from '../../../src-shared/domain/stream-item.ts';
import type { Page, RateLimitInfo } from '../connector.ts';

export interface Entry {
  readonly item: StreamItem;
  /** When the AppView indexed it (for reposts: the repost); orders the column. */
  readonly sortAt: string;
}

export function encodePosition(entry: Entry): string {
  return `${entry.sortAt} ${entry.item.key}`;
}

export function decodePosition(position: string): { sortAtMs: number | null; key: string } {
  const space = position.indexOf(' ');
  if (space < 0) {
    const ms = Date.parse(position);
    return Number.isNaN(ms) ? { sortAtMs: null, key: position } : { sortAtMs: ms, key: '' };
  }
  const ms = Date.parse(position.slice(0, space));
  return { sortAtMs: Number.isNaN(ms) ? null : ms, key: position.slice(space + 1) };
}

export interface RawPage {
  readonly entries: readonly Entry[];
  readonly cursor: string | null;
  readonly rateLimit: RateLimitInfo | null;
}

/**
 * Keeps the entries newer than `since`. A page that holds a cursor and never reached `since` left items
 * out: that is a gap. Page fullness alone is not trusted, because the AppView drops blocked or deleted
 * posts after applying the limit, so a short page can still have more behind it.
 */
export function toPage(raw: RawPage, since: string | null): Page {
  const held = since === null ? null : decodePosition(since);
  const kept: Entry[] = [];
  let reached = false;
  for (const entry of raw.entries) {
    if (held) {
      const at = Date.parse(entry.sortAt);
      if (
        entry.item.key === held.key ||
        (held.sortAtMs !== null && !Number.isNaN(at) && at < held.sortAtMs)
      ) {
        reached = true;
        break;
      }
    }
    kept.push(entry);
  }
  const first = kept[0];
  return {
    items: kept.map((e) => e.item),
    newest: first ? encodePosition(first) : null,
    older: raw.cursor,
    gap: held !== null && !reached && raw.cursor !== null,
    rateLimit: raw.rateLimit,
  };
}
