// Everything main flags on one incoming item, computed once at ingest so no screen re-scans items.
import type { StreamItem } from '../domain/stream-item.ts';
import type { ImpostorFlag, ItemFlags } from './flags.ts';
import { findImpostor, type Identity } from './impostor.ts';
import { flagLinks, type LinkRules } from './link-flags.ts';

export interface FlagContext extends LinkRules {
  /** The user's connected accounts as their networks name them. */
  readonly brands: readonly Identity[];
  /** The impostor check for an author; main passes a memoised one (authors repeat on every poll). */
  readonly impostorOf?: (author: Identity) => ImpostorFlag | null;
}

const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"']+/gi;

/** Link targets of the item: link facets, and addresses written out in the text (and a quoted post's). */
export function itemLinks(item: StreamItem): string[] {
  const urls = item.facets.filter((f) => f.kind === 'link').map((f) => f.value);
  for (const text of [item.text, item.quote?.text ?? '']) {
    for (const match of text.matchAll(URL_IN_TEXT)) urls.push(match[0].replace(/[).,;:!?]+$/, ''));
  }
  return urls;
}

/** The item's flags, or null when nothing is suspect (RSS items are checked for links only). */
export function flagItem(item: StreamItem, ctx: FlagContext): ItemFlags | null {
  const impostor =
    item.network === 'rss'
      ? null
      : (ctx.impostorOf ?? ((author: Identity) => findImpostor(author, ctx.brands)))({
          handle: item.author.handle,
          displayName: item.author.displayName,
          id: item.author.id,
        });
  const links = flagLinks(itemLinks(item), ctx);
  return impostor === null && links.length === 0 ? null : { impostor, links };
}

/** The item with its flags set, or the same object when nothing is suspect. */
export function withFlags(item: StreamItem, ctx: FlagContext): StreamItem {
  const flags = flagItem(item, ctx);
  return flags === null ? item : { ...item, flags };
}
