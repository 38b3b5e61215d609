// The deck's single-key shortcuts. They never fire while the user types in a field, and never with
// Ctrl/Meta/Alt, so browser and system shortcuts keep working.
import { useEffect } from 'react';
import type { RoostStore } from '../../../store/store.ts';
import type { ColumnHandle } from '../deck-context.ts';

export interface DeckKeysOptions {
  readonly store: RoostStore;
  readonly handles: Map<string, ColumnHandle>;
  /** Column ids of the open workspace, left to right. */
  readonly columnIds: () => readonly string[];
  readonly focusSearch: () => void;
}

export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return target.closest('input, textarea, select, [contenteditable="true"]') !== null;
}

export function useDeckKeys({ store, handles, columnIds, focusSearch }: DeckKeysOptions): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      const s = store.getState();
      const columnId = s.focusedColumnId ?? columnIds()[0] ?? null;
      const handle = columnId ? handles.get(columnId) : undefined;
      const selected = s.selectedItemKey;
      switch (e.key) {
        case 'j':
        case 'k': {
          if (!columnId || !handle) return;
          const keys = handle.itemKeys();
          if (keys.length === 0) return;
          const at = selected ? keys.indexOf(selected) : -1;
          const next = at < 0 ? 0 : Math.max(0, Math.min(keys.length - 1, at + (e.key === 'j' ? 1 : -1)));
          const key = keys[next]!;
          s.selectItem(columnId, key);
          handle.reveal(key);
          break;
        }
        case 'r':
          if (!selected) return;
          s.setReplying(selected);
          break;
        case 'l':
          if (!selected || !handle) return;
          handle.toggle('like', selected);
          break;
        case 'b':
          if (!selected || !handle) return;
          handle.toggle('repost', selected);
          break;
        case '/':
          focusSearch();
          break;
        case '?':
          s.setHelpOpen(true);
          break;
        case 'Escape':
          if (s.helpOpen) s.setHelpOpen(false);
          else if (s.replyingKey) s.setReplying(null);
          else if (s.threadTarget) s.openThread(null);
          else return;
          break;
        default: {
          if (!/^[1-9]$/.test(e.key)) return;
          const id = columnIds()[Number(e.key) - 1];
          if (!id) return;
          s.focusColumn(id);
          handles.get(id)?.focusHeader();
        }
      }
      e.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [store, handles, columnIds, focusSearch]);
}
