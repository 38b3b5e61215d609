// Flags incoming items as main receives them, before any column or the desk sees them: impostors of the
// connected accounts and links the block list or the organisation domains' look-alike rules catch. The rules
// (block list and policy files, account names) are re-read at most every RULES_TTL_MS, not per item.
import type { Account } from '../../src-shared/domain/account.ts';
import type { StreamItem } from '../../src-shared/domain/stream-item.ts';
import type { ImpostorFlag } from '../../src-shared/protection/flags.ts';
import { findImpostor, type Identity } from '../../src-shared/protection/impostor.ts';
import { withFlags, type FlagContext } from '../../src-shared/protection/item-flags.ts';
import { loadBlockList, loadPublishingSettings } from '../publishing/publishing-settings.ts';
import type { Clock } from '../runtime/timing.ts';

/** A Governance change reaches the flags within this long. */
export const RULES_TTL_MS = 30_000;
/** Authors remembered between rule reloads; a busy deck sees the same few thousand again and again. */
const MAX_REMEMBERED_AUTHORS = 10_000;

/** findImpostor for these brands, remembered per author (its handle, name and id decide the answer). */
function memoisedImpostorCheck(brands: readonly Identity[]): (author: Identity) => ImpostorFlag | null {
  const known = new Map<string, ImpostorFlag | null>();
  return (author) => {
    const key = `${author.handle}\n${author.displayName}\n${author.id ?? ''}`;
    const remembered = known.get(key);
    if (remembered !== undefined) return remembered;
    const found = findImpostor(author, brands);
    if (known.size >= MAX_REMEMBERED_AUTHORS) known.clear();
    known.set(key, found);
    return found;
  };
}

export interface ItemFlagger {
  flag(items: readonly StreamItem[]): StreamItem[];
}

export function createItemFlagger(deps: {
  readonly dataDir: string;
  readonly accounts: () => readonly Account[];
  readonly clock: Clock;
  readonly onProblem?: (message: string) => void;
}): ItemFlagger {
  let cached: { readonly ctx: FlagContext; readonly at: number; readonly accountsKey: string } | null = null;

  const context = (): FlagContext => {
    const accounts = deps.accounts().filter((a) => a.network !== 'rss');
    const accountsKey = accounts.map((a) => `${a.id}:${a.handle}:${a.displayName}`).join('|');
    const now = deps.clock.now();
    if (cached && cached.accountsKey === accountsKey && now - cached.at < RULES_TTL_MS) return cached.ctx;
    const brands = accounts.map((a) => ({ handle: a.handle, displayName: a.displayName, id: a.remoteId }));
    const ctx: FlagContext = {
      brands,
      impostorOf: memoisedImpostorCheck(brands),
      blockList: loadBlockList(deps.dataDir),
      orgDomains: loadPublishingSettings(deps.dataDir, deps.onProblem).orgDomains,
    };
    cached = { ctx, at: now, accountsKey };
    return ctx;
  };

  return {
    flag(items) {
      if (items.length === 0) return [...items];
      const ctx = context();
      return items.map((item) => withFlags(item, ctx));
    },
  };
}
