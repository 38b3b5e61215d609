// What a card may do with its item, provided once per column so cards stay cheap to memoise. Likes are sent
// directly; reposts, unreposts and deletes go through main's guards and outbox (the column shows the
// confirmation when one is needed), and each card follows its own job.
import { createContext, useContext } from 'react';
import type { Account } from '../../../../src-shared/domain/account.ts';
import type { ContentActionKind } from '../../../../src-shared/compose/content-action.ts';
import type { StreamItem } from '../../../../src-shared/domain/stream-item.ts';
import type { ItemJobs } from '../model/item-jobs.ts';

export type ItemAction = 'like' | 'repost' | 'reply';

export interface ItemActions {
  /** null when the column has no account to act with (RSS, read-only views). */
  readonly accountId: string | null;
  /** The column's account, for its handle and for knowing which posts are its own. */
  readonly account: Account | null;
  readonly jobs: ItemJobs;
  toggleLike(item: StreamItem): Promise<string | null>;
  /** Starts a repost, unrepost or delete; resolves with a message when it stopped before the outbox. */
  publish(kind: ContentActionKind, item: StreamItem): Promise<string | null>;
  /** A reply or quote from the inline composer reached the network: count it and show it under its item. */
  replied(item: StreamItem, kind: 'reply' | 'quote'): void;
  openThread(item: StreamItem): void;
  muteAuthor(item: StreamItem): void;
  select(item: StreamItem): void;
}

export const ItemActionsContext = createContext<ItemActions | null>(null);

export function useItemActions(): ItemActions | null {
  return useContext(ItemActionsContext);
}

/** Whether the column's account wrote this item (so it may delete it). */
export function isOwnItem(item: StreamItem, account: Account | null): boolean {
  if (!account || item.kind === 'repost' || item.network !== account.network) return false;
  if (item.network === 'bluesky') return item.remoteId.startsWith(`at://${account.remoteId}/`);
  return item.author.handle.toLowerCase() === account.handle.toLowerCase();
}
