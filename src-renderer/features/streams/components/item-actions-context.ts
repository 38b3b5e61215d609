// What a card may do with its item, provided once per column so cards stay cheap to memoise.
import { createContext, useContext } from 'react';
import type { StreamItem } from '../../../../src-shared/domain/stream-item.ts';

export type ItemAction = 'like' | 'repost' | 'reply';

export interface ItemActions {
  /** null when the column has no account to act with (RSS, read-only views). */
  readonly accountId: string | null;
  toggle(action: 'like' | 'repost', item: StreamItem): Promise<string | null>;
  reply(item: StreamItem, text: string): Promise<string | null>;
  openThread(item: StreamItem): void;
  muteAuthor(item: StreamItem): void;
  select(item: StreamItem): void;
}

export const ItemActionsContext = createContext<ItemActions | null>(null);

export function useItemActions(): ItemActions | null {
  return useContext(ItemActionsContext);
}
