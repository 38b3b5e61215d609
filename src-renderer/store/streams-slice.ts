// The deck's UI state: which workspace is open, which column has keyboard focus, which item is selected,
// and which side panels are open. Items themselves live in the stream hub's buffers, not in the store.
import type { StateCreator } from 'zustand/vanilla';
import type { StreamItem } from '../../src-shared/domain/stream-item.ts';
import type { RoostState } from './store.ts';

export interface ThreadTarget {
  readonly accountId: string;
  readonly item: StreamItem;
}

export interface StreamsSlice {
  readonly activeWorkspaceId: string | null;
  readonly focusedColumnId: string | null;
  /** The selected item's key, in the focused column. */
  readonly selectedItemKey: string | null;
  readonly threadTarget: ThreadTarget | null;
  readonly helpOpen: boolean;
  /** The item whose inline reply composer is open. */
  readonly replyingKey: string | null;
  setActiveWorkspace(id: string | null): void;
  focusColumn(id: string | null): void;
  selectItem(columnId: string, key: string | null): void;
  openThread(target: ThreadTarget | null): void;
  setHelpOpen(open: boolean): void;
  setReplying(key: string | null): void;
}

export const createStreamsSlice: StateCreator<RoostState, [], [], StreamsSlice> = (set) => ({
  activeWorkspaceId: null,
  focusedColumnId: null,
  selectedItemKey: null,
  threadTarget: null,
  helpOpen: false,
  replyingKey: null,
  setActiveWorkspace: (activeWorkspaceId) =>
    set({ activeWorkspaceId, focusedColumnId: null, selectedItemKey: null }),
  focusColumn: (focusedColumnId) =>
    set((s) => (s.focusedColumnId === focusedColumnId ? {} : { focusedColumnId, selectedItemKey: null })),
  selectItem: (columnId, selectedItemKey) => set({ focusedColumnId: columnId, selectedItemKey }),
  openThread: (threadTarget) => set({ threadTarget }),
  setHelpOpen: (helpOpen) => set({ helpOpen }),
  setReplying: (replyingKey) => set({ replyingKey }),
});
