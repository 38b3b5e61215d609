// The deck's UI state: which workspace is open, which column has keyboard focus, which item is selected,
// and which side panels are open. Items themselves live in the stream hub's buffers, not in the store.
import type { StateCreator } from 'zustand/vanilla';
import type { StreamItem } from '../../src-shared/domain/stream-item.ts';
import type { RoostState } from './store.ts';

export interface ThreadTarget {
  readonly accountId: string;
  readonly item: StreamItem;
}

/** A reply or quote the user sent from the deck, shown under the item it answers. */
export interface SentEcho {
  readonly jobId: string;
  readonly kind: 'reply' | 'quote';
  readonly handle: string;
  readonly text: string;
  readonly url: string | null;
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
  /** Whether the inline composer that is open replies to its item or quotes it. */
  readonly replyMode: 'reply' | 'quote';
  /** Replies and quotes sent from the deck, by the remoteId of the item they answer. */
  readonly sentEchoes: Readonly<Record<string, readonly SentEcho[]>>;
  setActiveWorkspace(id: string | null): void;
  focusColumn(id: string | null): void;
  selectItem(columnId: string, key: string | null): void;
  openThread(target: ThreadTarget | null): void;
  setHelpOpen(open: boolean): void;
  setReplying(key: string | null, mode?: 'reply' | 'quote'): void;
  addSentEcho(subjectId: string, echo: SentEcho): void;
}

export const createStreamsSlice: StateCreator<RoostState, [], [], StreamsSlice> = (set) => ({
  activeWorkspaceId: null,
  focusedColumnId: null,
  selectedItemKey: null,
  threadTarget: null,
  helpOpen: false,
  replyingKey: null,
  replyMode: 'reply',
  sentEchoes: {},
  setActiveWorkspace: (activeWorkspaceId) =>
    set({ activeWorkspaceId, focusedColumnId: null, selectedItemKey: null }),
  focusColumn: (focusedColumnId) =>
    set((s) => (s.focusedColumnId === focusedColumnId ? {} : { focusedColumnId, selectedItemKey: null })),
  selectItem: (columnId, selectedItemKey) => set({ focusedColumnId: columnId, selectedItemKey }),
  openThread: (threadTarget) => set({ threadTarget }),
  setHelpOpen: (helpOpen) => set({ helpOpen }),
  setReplying: (replyingKey, replyMode = 'reply') => set({ replyingKey, replyMode }),
  addSentEcho: (subjectId, echo) =>
    set((s) => {
      const known = s.sentEchoes[subjectId] ?? [];
      if (known.some((e) => e.jobId === echo.jobId)) return {};
      return { sentEchoes: { ...s.sentEchoes, [subjectId]: [...known, echo] } };
    }),
});
