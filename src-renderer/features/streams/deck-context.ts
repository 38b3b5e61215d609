// The running deck's services, shared by its components: the stream hub, the layout repository, the
// archive, the notifier, and a registry the keyboard shortcuts use to reach each column.
import { createContext, useContext } from 'react';
import type { StreamItem } from '../../../src-shared/domain/stream-item.ts';
import type { ArchivePort } from '../../archive/archive-port.ts';
import type { StreamHub } from './model/stream-hub.ts';
import type { AlertNotifier } from './notifications/alert-notifier.ts';
import type { LayoutRepository } from './repositories/layout-repository.ts';

/** What the keyboard shortcuts may ask of a mounted column. */
export interface ColumnHandle {
  itemKeys(): readonly string[];
  item(key: string): StreamItem | undefined;
  reveal(key: string): void;
  focusHeader(): void;
  toggle(action: 'like' | 'repost', key: string): void;
}

export interface DeckRuntime {
  readonly hub: StreamHub;
  readonly layout: LayoutRepository;
  readonly archive: ArchivePort;
  readonly notifier: AlertNotifier;
  readonly handles: Map<string, ColumnHandle>;
}

export const DeckContext = createContext<DeckRuntime | null>(null);

export function useDeck(): DeckRuntime {
  const deck = useContext(DeckContext);
  if (!deck) throw new Error('useDeck must be used inside the streams deck');
  return deck;
}
