// Fills an embedded desk's SQLite (main's store in a browser-mode data folder) with open conversations
// through the desk's own service, as if the poller had delivered that many mentions: one conversation per
// mention, scored and clocked by the real intake; every other one claimed, so "mine" and "unassigned" are
// both full. Run before browser mode opens the folder.
import path from 'node:path';
import { ulid } from 'ulid';
import { createDeskRepository } from '../../../src-main/desk/desk-repository.ts';
import { createDeskService } from '../../../src-main/desk/desk-service.ts';
import { openMainStore } from '../../../src-main/store/main-store.ts';
import { defaultDeskSettings } from '../../../src-shared/desk/desk-settings.ts';
import type { Account } from '../../../src-shared/domain/account.ts';
import { generateItems } from './generate-items.ts';

export const SEED_ACCOUNT: Account = {
  id: 'acc-bench-brand',
  network: 'bluesky',
  service: 'http://127.0.0.1:1',
  remoteId: 'did:plc:bench-brand',
  handle: 'brand.bench',
  displayName: 'Bench brand',
  avatarUrl: null,
  status: 'active',
  protected: false,
  createdAt: new Date(0).toISOString(),
};

/** Seeds `count` open conversations; returns how many each view holds. */
export function seedDesk(dataDir: string, count: number): { mine: number; unassigned: number } {
  const store = openMainStore({ path: path.join(dataDir, 'roost-main.sqlite') });
  try {
    const now = Date.now();
    const desk = createDeskService({
      store,
      repo: createDeskRepository(store),
      clock: { now: () => now },
      timers: { setTimeout: () => 0, clearTimeout: () => undefined },
      settings: () => defaultDeskSettings('UTC'),
      accounts: () => [SEED_ACCOUNT],
      newId: ulid,
      onChanged: () => undefined,
      since: now,
    });
    let mine = 0;
    const BATCH = 500;
    for (let start = 0; start < count; start += BATCH) {
      // Mentions only from Bluesky and Mastodon (RSS items are never inquiries), each its own thread.
      const items = generateItems(start, Math.min(BATCH, count - start), 7, now).map((item, i) => ({
        ...item,
        network: item.network === 'rss' ? ('bluesky' as const) : item.network,
        accountId: SEED_ACCOUNT.id,
        kind: 'mention' as const,
        replyTo: null,
        author: { ...item.author, id: `did:plc:contact-${start + i}`, handle: `contact${start + i}.example` },
        createdAt: new Date(now).toISOString(),
      }));
      const ids = desk.ingest(SEED_ACCOUNT.id, items);
      store.transaction(() => {
        ids.forEach((id, i) => {
          if (i % 2 === 0) return;
          desk.act(id, { kind: 'claim' });
          mine += 1;
        });
      });
    }
    const unassigned = desk.counts().unassigned;
    return { mine, unassigned };
  } finally {
    store.close();
  }
}
